import "server-only";

/**
 * The Windows security identifier Entra gives a cloud object: `S-1-12-1-` and the object id's
 * sixteen bytes (in .NET's GUID byte order) read as four little-endian 32-bit numbers.
 */
export function cloudSecurityIdentifier(objectId: string): string | null {
  const hex = objectId.replaceAll("-", "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) return null;
  const groups = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16)];
  const bytes = [
    ...littleEndian(groups[0]!, 4),
    ...littleEndian(groups[1]!, 2),
    ...littleEndian(groups[2]!, 2),
    ...Array.from({ length: 8 }, (_, i) => parseInt(hex.slice(16 + 2 * i, 18 + 2 * i), 16)),
  ];
  const words = [0, 4, 8, 12].map(
    (at) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0,
  );
  return `S-1-12-1-${words.join("-")}`;
}

function littleEndian(hex: string, length: number): number[] {
  return Array.from({ length }, (_, i) => parseInt(hex.slice(2 * (length - 1 - i), 2 * (length - i)), 16));
}

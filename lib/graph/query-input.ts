import "server-only";

export const MAX_PAGE_SIZE = 999;

/** Ids are opaque; they only have to be non-empty text without control characters. */
export function requireId(value: unknown, label: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new TypeError(`The ${label} is required.`);
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    throw new TypeError(`The ${label} contains a control character.`);
  return value.trim();
}

export function topOf(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE)
    throw new RangeError(`top must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${value}.`);
  return value;
}

/** `"displayName:x" OR "mail:x"` — a quote or backslash in the text is escaped so it stays inside its clause. */
export function searchClauses(properties: string[], text: string): string {
  const term = text.replace(/[\\"]/g, (c) => `\\${c}`);
  return properties.map((p) => `"${p}:${term}"`).join(" OR ");
}

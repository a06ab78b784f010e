import "server-only";

// One identifier, every way provisioning writes it. Active Directory's objectGUID and
// mS-DS-ConsistencyGuid are 16 bytes that Cloud Sync reports as base64 of the little-endian
// (.NET) byte order, while Graph names the same object by the GUID text ("sourceIdentity.id");
// a SID is binary in AD (base64 in the answer) and "S-1-5-21-…" as text.

/** A way an identifier is written, and whether letter case matters when finding it. */
export interface IdentifierForm {
  text: string;
  ignoreCase: boolean;
}

const GUID_TEXT = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;
const SID_TEXT = /^S-1-(\d+)((?:-\d+){0,15})$/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** Shorter values (True, 512, a date) are not identifiers, and would match innocent text elsewhere. */
const SHORTEST_VERBATIM = 8;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const reversed = (bytes: Uint8Array) => Uint8Array.from(bytes).reverse();

function bytesOfHex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, "hex"));
}

/** The GUID's bytes in the order its text reads (RFC 4122). */
function rfcBytes(groups: string[]): Uint8Array {
  return bytesOfHex(groups.join(""));
}

/** The GUID's bytes as .NET and Active Directory store them: the first three groups little-endian. */
function netBytes(groups: string[]): Uint8Array {
  const [a, b, c, d, e] = groups.map(bytesOfHex) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  return Uint8Array.from([...reversed(a), ...reversed(b), ...reversed(c), ...d, ...e]);
}

function guidTextOf(bytes: Uint8Array, order: "net" | "rfc"): string {
  const part = (from: number, to: number, flip: boolean) => {
    const slice = bytes.subarray(from, to);
    return hex(flip ? reversed(slice) : slice);
  };
  const flip = order === "net";
  return [part(0, 4, flip), part(4, 6, flip), part(6, 8, flip), part(8, 10, false), part(10, 16, false)].join(
    "-",
  );
}

function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64.test(text) || text.length < 8) return null;
  const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length > 0 ? Uint8Array.from(bytes) : null;
}

function sidBinaryOf(text: string): Uint8Array | null {
  const match = SID_TEXT.exec(text);
  if (!match) return null;
  const authority = BigInt(match[1]!);
  const subs = match[2] ? match[2].slice(1).split("-").map(Number) : [];
  if (authority >= 2n ** 48n || subs.some((n) => n > 0xffffffff)) return null;
  const bytes = new Uint8Array(8 + 4 * subs.length);
  bytes[0] = 1;
  bytes[1] = subs.length;
  for (let i = 0; i < 6; i++) bytes[2 + i] = Number((authority >> BigInt(8 * (5 - i))) & 0xffn);
  const view = new DataView(bytes.buffer);
  subs.forEach((n, i) => view.setUint32(8 + 4 * i, n, true));
  return bytes;
}

function sidTextOf(bytes: Uint8Array): string | null {
  const count = bytes[1] ?? 0;
  if (bytes[0] !== 1 || count > 15 || bytes.length !== 8 + 4 * count) return null;
  let authority = 0n;
  for (let i = 0; i < 6; i++) authority = (authority << 8n) | BigInt(bytes[2 + i]!);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const subs = Array.from({ length: count }, (_, i) => view.getUint32(8 + 4 * i, true));
  return ["S-1", String(authority), ...subs.map(String)].join("-");
}

function base64Forms(bytes: Uint8Array): IdentifierForm[] {
  const padded = Buffer.from(bytes).toString("base64");
  const url = Buffer.from(bytes).toString("base64url");
  return [padded, padded.replace(/=+$/, ""), url].map((text) => ({ text, ignoreCase: false }));
}

function guidForms(bytes: Uint8Array): IdentifierForm[] {
  const forms: IdentifierForm[] = [];
  // Which order produced the bytes is not known, so both readings of them are hidden.
  for (const order of ["net", "rfc"] as const) {
    const text = guidTextOf(bytes, order);
    forms.push({ text, ignoreCase: true }, { text: text.replace(/-/g, ""), ignoreCase: true });
  }
  return [...forms, ...base64Forms(bytes)];
}

/**
 * Every encoding of one value: the value itself (when long enough to be an identifier), and for a
 * GUID or a SID in any of their encodings, all the others.
 */
export function identifierForms(value: string): IdentifierForm[] {
  const text = value.trim();
  const forms: IdentifierForm[] = text.length >= SHORTEST_VERBATIM ? [{ text, ignoreCase: false }] : [];
  const guid = GUID_TEXT.exec(text);
  if (guid) {
    const groups = guid.slice(1, 6);
    forms.push(...guidForms(netBytes(groups)), ...guidForms(rfcBytes(groups)));
    return forms;
  }
  const sid = sidBinaryOf(text);
  if (sid) return [...forms, { text, ignoreCase: true }, ...base64Forms(sid)];
  const bytes = decodeBase64(text);
  if (bytes?.length === 16) forms.push(...guidForms(bytes));
  const sidText = bytes && sidTextOf(bytes);
  if (sidText) forms.push({ text: sidText, ignoreCase: true }, ...base64Forms(bytes));
  return forms;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces every occurrence of any of the values, in any of their encodings, with `replacement`.
 * Longer forms go first, so a form never leaves part of a longer one behind.
 */
export function identifierReplacer(values: Iterable<string>, replacement: string): (text: string) => string {
  const seen = new Map<string, IdentifierForm>();
  for (const value of values)
    for (const form of identifierForms(value)) {
      const key = `${form.ignoreCase ? "i" : "s"}:${form.ignoreCase ? form.text.toLowerCase() : form.text}`;
      if (!seen.has(key)) seen.set(key, form);
    }
  const pattern = (ignoreCase: boolean) => {
    const texts = [...seen.values()]
      .filter((form) => form.ignoreCase === ignoreCase)
      .map((form) => form.text)
      .sort((a, b) => b.length - a.length);
    return texts.length > 0 ? new RegExp(texts.map(escape).join("|"), ignoreCase ? "gi" : "g") : null;
  };
  const patterns = [pattern(false), pattern(true)].filter((p): p is RegExp => p !== null);
  return (text) => patterns.reduce((result, p) => result.replace(p, replacement), text);
}

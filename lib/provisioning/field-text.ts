/** Reading loosely typed JSON fields as text without ever throwing. */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Any value as a string: strings as they are, everything else as JSON text. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // BigInt or a cycle: fall through to String()
  }
  try {
    return String(value);
  } catch {
    return "[unprintable value]";
  }
}

/** Like textOf, but null and a missing field stay null. */
export function nullableText(value: unknown): string | null {
  return value === null || value === undefined ? null : textOf(value);
}

export function preview(text: string, max = 120): string {
  const flat = text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
  return JSON.stringify(flat);
}

export function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return value.trim() === "" ? "an empty string" : `the text ${preview(value, 60)}`;
    case "object":
      return "an object";
    case "undefined":
      return "nothing";
    default:
      return `a ${typeof value}`;
  }
}

/** A field by name, tolerating other capitalisations (PowerShell prints `Key`/`Value`). */
export function fieldIgnoringCase(record: JsonRecord, name: string): unknown {
  const direct = record[name];
  if (direct !== undefined) return direct;
  const wanted = name.toLowerCase();
  for (const candidate of Object.keys(record)) {
    if (candidate.toLowerCase() === wanted) return record[candidate];
  }
  return undefined;
}

export type JsonDecoding = { ok: true; value: unknown } | { ok: false; reason: string };

export function decodeJson(text: string): JsonDecoding {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof SyntaxError ? error.message : "unreadable JSON" };
  }
}

import "server-only";

import {
  fieldsOf,
  TICKS_PER_MINUTE,
  ticksOf,
  type DateTimeKind,
  type DateTimeValue,
} from "./date-time-value";
import type { DateTimeStyles } from "./date-time-styles";
import { DAY_NAMES, formatTokens, MONTH_NAMES, type FormatToken } from "./format-pattern";

/** Where a source stopped matching its format, and what was expected there. */
export class FormatMismatchError extends Error {}

interface Parsed {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: number;
  pm?: boolean;
  /** Whether the hour was read with h (1–12), not H (0–23). */
  twelveHour?: boolean;
  /** Minutes east of UTC; 0 for a UTC designator. */
  offset?: number;
  utcDesignator?: boolean;
}

/** Reads `text` exactly as `format` describes it, as .NET's DateTime.ParseExact does. */
export function parseExact(
  text: string,
  format: string,
  styles: DateTimeStyles,
  now: DateTimeValue,
): DateTimeValue {
  let input = text;
  if (styles.allowLeadingWhite) input = input.replace(/^\s+/, "");
  if (styles.allowTrailingWhite) input = input.replace(/\s+$/, "");
  const reader = new InputReader(input, styles.allowInnerWhite);
  const parsed: Parsed = {};
  for (const token of formatTokens(format)) {
    reader.skipInnerWhite();
    if (token.kind === "literal") readLiteral(reader, token.text, token.quoted, parsed);
    else readField(reader, token, parsed);
  }
  reader.skipInnerWhite();
  if (!reader.atEnd()) throw reader.mismatch("the end of the value");
  return toValue(parsed, styles, now);
}

class InputReader {
  position = 0;

  constructor(
    readonly text: string,
    readonly innerWhite: boolean,
  ) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipInnerWhite(): void {
    if (this.innerWhite) this.skipWhite();
  }

  /** A white-space character of the format: one in the input, or any run of them with AllowInnerWhite. */
  whiteSpace(): void {
    if (this.innerWhite) return this.skipWhite();
    if (!/\s/.test(this.text[this.position] ?? "")) throw this.mismatch("a space");
    this.position++;
  }

  private skipWhite(): void {
    while (/\s/.test(this.text[this.position] ?? "")) this.position++;
  }

  digits(min: number, max: number, what: string): number {
    let end = this.position;
    while (end < this.text.length && end - this.position < max && /\d/.test(this.text[end]!)) end++;
    if (end - this.position < min) {
      throw this.mismatch(
        min === max ? `${min} digit${min === 1 ? "" : "s"} for ${what}` : `digits for ${what}`,
      );
    }
    const value = this.text.slice(this.position, end);
    this.position = end;
    return Number(value);
  }

  /** The longest of `words` (case-insensitive) at the position; its index. */
  word(words: readonly string[], what: string): number {
    const rest = this.text.slice(this.position).toLowerCase();
    let best = -1;
    words.forEach((word, i) => {
      if (rest.startsWith(word.toLowerCase()) && (best < 0 || word.length > words[best]!.length)) best = i;
    });
    if (best < 0) throw this.mismatch(what);
    this.position += words[best]!.length;
    return best;
  }

  take(expected: string, caseInsensitive: boolean): boolean {
    const found = this.text.slice(this.position, this.position + expected.length);
    const same = caseInsensitive ? found.toLowerCase() === expected.toLowerCase() : found === expected;
    if (same) this.position += expected.length;
    return same;
  }

  mismatch(expected: string): FormatMismatchError {
    return new FormatMismatchError(`expected ${expected} at position ${this.position}`);
  }
}

function readLiteral(reader: InputReader, text: string, quoted: boolean, parsed: Parsed): void {
  for (const ch of text) {
    if (/\s/.test(ch)) reader.whiteSpace();
    else if (!reader.take(ch, /[a-z]/i.test(ch))) throw reader.mismatch(JSON.stringify(ch));
  }
  // .NET reads an unquoted Z, and the GMT of the RFC 1123 pattern, as "this is UTC".
  if ((!quoted && text.includes("Z")) || (quoted && text.trim().toUpperCase() === "GMT")) {
    parsed.utcDesignator = true;
    parsed.offset = 0;
  }
}

function readField(
  reader: InputReader,
  token: Extract<FormatToken, { kind: "field" }>,
  parsed: Parsed,
): void {
  const { count } = token;
  const oneOrTwo = (what: string) => (count === 1 ? reader.digits(1, 2, what) : reader.digits(2, 2, what));
  switch (token.letter) {
    case "d":
      if (count <= 2) parsed.day = oneOrTwo("the day");
      else reader.word(count === 3 ? DAY_NAMES.map((n) => n.slice(0, 3)) : DAY_NAMES, "a day name");
      return;
    case "M":
      if (count <= 2) parsed.month = oneOrTwo("the month");
      else
        parsed.month =
          reader.word(count === 3 ? MONTH_NAMES.map((n) => n.slice(0, 3)) : MONTH_NAMES, "a month name") + 1;
      return;
    case "y":
      parsed.year = readYear(reader, count);
      return;
    case "h":
    case "H":
      parsed.hour = oneOrTwo("the hour");
      parsed.twelveHour = token.letter === "h";
      return;
    case "m":
      parsed.minute = oneOrTwo("the minutes");
      return;
    case "s":
      parsed.second = oneOrTwo("the seconds");
      return;
    case "f":
    case "F": {
      const min = token.letter === "f" ? count : 0;
      const start = reader.position;
      reader.digits(min, count, "the fraction of a second");
      const digits = reader.text.slice(start, reader.position);
      parsed.fraction = digits === "" ? 0 : Number(digits.padEnd(7, "0"));
      return;
    }
    case "t":
      parsed.pm =
        count === 1 ? reader.word(["A", "P"], "A or P") === 1 : reader.word(["AM", "PM"], "AM or PM") === 1;
      return;
    case "z":
      parsed.offset = readOffset(reader, count);
      return;
    case "K":
      if (reader.take("Z", true)) {
        parsed.utcDesignator = true;
        parsed.offset = 0;
      } else if (/^[+-]/.test(reader.text[reader.position] ?? "")) {
        parsed.offset = readOffset(reader, 3);
      }
      return;
    case "g":
      reader.word(["A.D.", "AD"], "the era A.D.");
      return;
  }
}

function readYear(reader: InputReader, count: number): number {
  if (count <= 2) {
    // en-US reads two-digit years up to 49 as 20xx, the rest as 19xx.
    const twoDigits = count === 1 ? reader.digits(1, 2, "the year") : reader.digits(2, 2, "the year");
    return twoDigits <= 49 ? 2000 + twoDigits : 1900 + twoDigits;
  }
  return count === 3 ? reader.digits(3, 4, "the year") : reader.digits(count, count, "the year");
}

function readOffset(reader: InputReader, count: number): number {
  const sign = reader.word(["+", "-"], "an offset such as +08:00");
  const hours =
    count === 1 ? reader.digits(1, 2, "the offset's hours") : reader.digits(2, 2, "the offset's hours");
  let minutes = 0;
  if (count >= 3) {
    if (!reader.take(":", false)) throw reader.mismatch('":" in the offset');
    minutes = reader.digits(2, 2, "the offset's minutes");
  }
  if (hours > 14 || minutes > 59) throw reader.mismatch("an offset between -14:00 and +14:00");
  return (sign === 1 ? -1 : 1) * (hours * 60 + minutes);
}

function toValue(parsed: Parsed, styles: DateTimeStyles, now: DateTimeValue): DateTimeValue {
  const today = fieldsOf(now);
  const hasDate = parsed.year !== undefined || parsed.month !== undefined || parsed.day !== undefined;
  let hour = parsed.hour ?? 0;
  if (parsed.pm !== undefined && parsed.twelveHour) {
    if (hour < 1 || hour > 12) throw new FormatMismatchError(`hour ${hour} is not an hour from 1 to 12`);
    hour = (hour % 12) + (parsed.pm ? 12 : 0);
  } else if (parsed.pm !== undefined && parsed.hour !== undefined && hour >= 12 !== parsed.pm) {
    throw new FormatMismatchError(`hour ${hour} contradicts ${parsed.pm ? "PM" : "AM"}`);
  }
  const defaultDay = styles.noCurrentDateDefault ? { year: 1, month: 1, day: 1 } : today;
  const ticks = ticksOf({
    year: parsed.year ?? (hasDate ? today.year : defaultDay.year),
    month: parsed.month ?? (hasDate ? 1 : defaultDay.month),
    day: parsed.day ?? (hasDate ? 1 : defaultDay.day),
    hour,
    minute: parsed.minute ?? 0,
    second: parsed.second ?? 0,
    fraction: parsed.fraction ?? 0,
  });
  if (ticks === null) throw new FormatMismatchError("its parts are not a date that exists");
  const utcTicks = ticks - BigInt(parsed.offset ?? 0) * TICKS_PER_MINUTE;
  return { ticks: utcTicks, kind: kindOf(parsed, styles) };
}

/** The Kind .NET gives the result; on a UTC server the time is the same whatever the kind. */
function kindOf(parsed: Parsed, styles: DateTimeStyles): DateTimeKind {
  const zoned = parsed.offset !== undefined;
  if (styles.adjustToUniversal)
    return zoned || styles.assumeLocal || styles.assumeUniversal ? "Utc" : "Unspecified";
  if (styles.roundtripKind) return parsed.utcDesignator ? "Utc" : zoned ? "Local" : "Unspecified";
  return zoned || styles.assumeLocal || styles.assumeUniversal ? "Local" : "Unspecified";
}

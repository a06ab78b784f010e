import "server-only";

// .NET date and time format strings, read into tokens. A pattern of one character is a standard
// format ("d", "o", "s", …), expanded to its en-US custom pattern, as the provisioning service uses.

export type FormatToken =
  | { kind: "field"; letter: FieldLetter; count: number }
  | { kind: "literal"; text: string; quoted: boolean };

export type FieldLetter = "d" | "f" | "F" | "g" | "h" | "H" | "K" | "m" | "M" | "s" | "t" | "y" | "z";

const FIELD_LETTERS = new Set<string>(["d", "f", "F", "g", "h", "H", "K", "m", "M", "s", "t", "y", "z"]);

const STANDARD_FORMATS: Readonly<Record<string, string>> = {
  d: "M/d/yyyy",
  D: "dddd, MMMM d, yyyy",
  f: "dddd, MMMM d, yyyy h:mm tt",
  F: "dddd, MMMM d, yyyy h:mm:ss tt",
  g: "M/d/yyyy h:mm tt",
  G: "M/d/yyyy h:mm:ss tt",
  m: "MMMM d",
  M: "MMMM d",
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: "h:mm tt",
  T: "h:mm:ss tt",
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  U: "dddd, MMMM d, yyyy h:mm:ss tt",
  y: "MMMM yyyy",
  Y: "MMMM yyyy",
};

export class FormatPatternError extends Error {}

/** Tokens of a format; throws FormatPatternError for a pattern .NET refuses. */
export function formatTokens(format: string): FormatToken[] {
  if (format === "") throw new FormatPatternError("is empty");
  if (format.length === 1) {
    const standard = STANDARD_FORMATS[format];
    if (standard === undefined) {
      throw new FormatPatternError(
        `is not a standard format (${Object.keys(STANDARD_FORMATS).join(" ")}); write %${format} for the custom specifier alone`,
      );
    }
    return tokenize(standard);
  }
  return tokenize(format);
}

function tokenize(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  const literal = (text: string, quoted = false) => {
    const last = tokens.at(-1);
    if (last?.kind === "literal" && last.quoted === quoted) last.text += text;
    else tokens.push({ kind: "literal", text, quoted });
  };
  for (let i = 0; i < format.length; ) {
    const ch = format[i]!;
    if (FIELD_LETTERS.has(ch)) {
      let count = 1;
      while (format[i + count] === ch) count++;
      if ((ch === "f" || ch === "F") && count > 7) {
        throw new FormatPatternError(`has ${count} ${ch} specifiers; at most 7 are allowed`);
      }
      tokens.push({ kind: "field", letter: ch as FieldLetter, count });
      i += count;
    } else if (ch === "'" || ch === '"') {
      const { text, end } = quotedText(format, i);
      literal(text, true);
      i = end;
    } else if (ch === "\\") {
      if (i + 1 >= format.length) throw new FormatPatternError("ends with a lone backslash");
      literal(format[i + 1]!, true);
      i += 2;
    } else if (ch === "%") {
      const next = format[i + 1];
      if (next === undefined || next === "%")
        throw new FormatPatternError("has a % not followed by a specifier");
      i += 1;
    } else {
      literal(ch);
      i += 1;
    }
  }
  return tokens;
}

function quotedText(format: string, start: number): { text: string; end: number } {
  const quote = format[start]!;
  let text = "";
  for (let i = start + 1; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === "\\" && i + 1 < format.length) {
      text += format[++i];
    } else if (ch === quote) {
      return { text, end: i + 1 };
    } else {
      text += ch;
    }
  }
  throw new FormatPatternError(`has a quote ${quote} opened at position ${start} and never closed`);
}

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export const DAY_NAMES = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

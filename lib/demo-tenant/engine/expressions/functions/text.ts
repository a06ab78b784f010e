import "server-only";

import type { FunctionCall } from "../function-call";
import type { FunctionDefinition } from "../function-definition";
import { mapStrings } from "../values";
import { normalizeDiacritics } from "./normalize-diacritics";

/** String functions: each applies to every value of a multi-valued source, and keeps null as null. */
export const textFunctions: readonly FunctionDefinition[] = [
  {
    name: "Append",
    summary: "Appends the suffix to the end of the source value.",
    returns: { type: "String", multivalued: "source" },
    parameters: [
      { key: "source", required: true },
      { key: "suffix", required: true },
    ],
    evaluate(call) {
      const suffix = call.text(1) ?? "";
      return mapStrings(call.value(0), (text) => text + suffix);
    },
  },
  {
    name: "ToLower",
    summary: "Converts the source to lower case, by the rules of a culture such as en-US if one is given.",
    returns: { type: "String", multivalued: "source" },
    parameters: [{ key: "source", required: true }, { key: "culture" }],
    evaluate(call) {
      const culture = cultureOf(call);
      return mapStrings(call.value(0), (text) =>
        culture ? text.toLocaleLowerCase(culture) : text.toLowerCase(),
      );
    },
  },
  {
    name: "ToUpper",
    summary: "Converts the source to upper case, by the rules of a culture such as en-US if one is given.",
    returns: { type: "String", multivalued: "source" },
    parameters: [{ key: "source", required: true }, { key: "culture" }],
    evaluate(call) {
      const culture = cultureOf(call);
      return mapStrings(call.value(0), (text) =>
        culture ? text.toLocaleUpperCase(culture) : text.toUpperCase(),
      );
    },
  },
  {
    name: "PCase",
    summary:
      "Capitalises the first letter of each word and lower-cases the rest; words end at the given separators.",
    returns: { type: "String", multivalued: "source" },
    parameters: [{ key: "source", required: true }, { key: "wordSeparators" }],
    evaluate(call) {
      const separators = call.has(1) ? (call.text(1) ?? "") : null;
      return mapStrings(call.value(0), (text) => properCase(text, separators));
    },
  },
  {
    name: "StripSpaces",
    summary: "Removes every space character from the source.",
    returns: { type: "String", multivalued: "source" },
    parameters: [{ key: "source", required: true }],
    evaluate: (call) => mapStrings(call.value(0), (text) => text.replaceAll(" ", "")),
  },
  {
    name: "NormalizeDiacritics",
    summary: "Replaces letters with diacritics by their plain equivalents (Zoë becomes Zoe, ß becomes ss).",
    returns: { type: "String", multivalued: "source" },
    parameters: [{ key: "source", required: true }],
    evaluate: (call) => mapStrings(call.value(0), normalizeDiacritics),
  },
  {
    name: "Mid",
    summary: "Gives length characters of the source from the 1-based position start.",
    returns: { type: "String", multivalued: "source" },
    parameters: [
      { key: "source", required: true },
      { key: "start", required: true, types: ["Integer"] },
      { key: "length", required: true, types: ["Integer"] },
    ],
    evaluate(call) {
      const start = requiredInteger(call, 1, "start");
      const length = requiredInteger(call, 2, "length");
      if (start < 1) throw call.error(`Mid: start is 1-based and must be at least 1, got ${start}`);
      if (length < 0) throw call.error(`Mid: length must not be negative, got ${length}`);
      return mapStrings(call.value(0), (text) => text.slice(start - 1, start - 1 + length));
    },
  },
  {
    name: "Left",
    summary: "Gives the first numChars characters of the string.",
    returns: { type: "String", multivalued: "source" },
    parameters: [
      { key: "string", required: true },
      { key: "numChars", required: true, types: ["Integer"] },
    ],
    evaluate(call) {
      const count = requiredInteger(call, 1, "numChars");
      // Documented: a null string gives "", a negative count gives the whole string.
      const source = call.value(0) ?? "";
      return mapStrings(source, (text) => (count < 0 ? text : text.slice(0, count)));
    },
  },
  {
    name: "Len",
    summary: "Gives the number of characters of the string; 0 when it is null or empty.",
    returns: { type: "Integer", multivalued: false },
    parameters: [{ key: "string", required: true, types: ["String", "Integer"] }],
    // UTF-16 code units, as .NET counts them and as Mid and Left index.
    evaluate: (call) => String((call.text(0) ?? "").length),
  },
  {
    name: "Word",
    summary: "Gives the wordNumber-th word of the string, words being separated by any of the delimiters.",
    returns: { type: "String", multivalued: false },
    parameters: [
      { key: "string", required: true },
      { key: "wordNumber", required: true, types: ["Integer"] },
      { key: "delimiters", required: true },
    ],
    evaluate(call) {
      const text = call.text(0);
      const number = requiredInteger(call, 1, "wordNumber");
      const delimiters = call.text(2) ?? "";
      if (text === null || number < 1) return "";
      const words = splitOnAny(text, delimiters).filter((word) => word !== "");
      return words[number - 1] ?? "";
    },
  },
  {
    name: "Split",
    summary: "Splits the source at each delimiter into a multi-valued result.",
    returns: { type: "String", multivalued: true },
    parameters: [
      { key: "source", required: true },
      { key: "delimiter", required: true },
    ],
    evaluate(call) {
      const source = call.value(0);
      if (source === null) return null;
      const delimiter = call.text(1) ?? "";
      const texts = Array.isArray(source) ? source : [source];
      // As documented, "PermissionSetOne, PermissionSetTwo" splits into values without the space.
      return texts
        .flatMap((text) => (delimiter === "" ? [text] : text.split(delimiter)))
        .map((part) => part.trim())
        .filter((part) => part !== "");
    },
  },
  {
    name: "InStr",
    summary: "Gives the 1-based position of value2 in value1 from start, or 0 when it is not there.",
    returns: { type: "Integer", multivalued: false },
    parameters: [
      { key: "value1", required: true },
      { key: "value2", required: true },
      { key: "start", types: ["Integer"] },
      { key: "compareType" },
    ],
    evaluate(call) {
      const haystack = call.text(0);
      const needle = call.text(1);
      if (haystack === null || needle === null) return null;
      const start = call.integer(2) ?? 1;
      if (start < 1) throw call.error(`InStr: start is 1-based and must be at least 1, got ${start}`);
      const ignoreCase = compareTypeIgnoresCase(call, call.text(3));
      const found = ignoreCase
        ? haystack.toLowerCase().indexOf(needle.toLowerCase(), start - 1)
        : haystack.indexOf(needle, start - 1);
      return String(found + 1);
    },
  },
  {
    name: "ConvertToBase64",
    summary: "Encodes the UTF-16 (Unicode) bytes of the source as base64.",
    returns: { type: "String", multivalued: "source" },
    parameters: [{ key: "source", required: true }],
    // Documented as "Unicode base64": the UTF-16LE bytes, as .NET's Encoding.Unicode.
    evaluate: (call) => mapStrings(call.value(0), (text) => Buffer.from(text, "utf16le").toString("base64")),
  },
  {
    name: "ConvertToUTF8Hex",
    summary: "Encodes the UTF-8 bytes of the source as upper-case hexadecimal.",
    returns: { type: "String", multivalued: "source" },
    parameters: [{ key: "source", required: true }],
    evaluate: (call) =>
      mapStrings(call.value(0), (text) => Buffer.from(text, "utf8").toString("hex").toUpperCase()),
  },
];

function requiredInteger(call: FunctionCall, index: number, key: string): number {
  const value = call.integer(index);
  if (value === null) throw call.error(`${call.functionName}: ${key} has no value`);
  return value;
}

/** VBA's compare types, by name or by their values 0 and 1. */
function compareTypeIgnoresCase(call: FunctionCall, compareType: string | null): boolean {
  const wanted = (compareType ?? "").trim().toLowerCase();
  if (wanted === "" || wanted === "vbbinarycompare" || wanted === "0") return false;
  if (wanted === "vbtextcompare" || wanted === "1") return true;
  throw call.error(
    `InStr: compareType must be vbBinaryCompare or vbTextCompare, got ${JSON.stringify(compareType)}`,
  );
}

function cultureOf(call: FunctionCall): string | null {
  const culture = call.text(1);
  if (culture === null || culture === "") return null;
  try {
    return Intl.getCanonicalLocales(culture)[0] ?? null;
  } catch {
    throw call.error(
      `${call.functionName}: ${JSON.stringify(culture)} is not a culture name such as "en-US"`,
    );
  }
}

/** Upper-cases the first letter of each word and lower-cases the rest. */
function properCase(text: string, separators: string | null): string {
  let result = "";
  let startOfWord = true;
  for (const ch of text) {
    const isSeparator = separators === null ? !/[\p{L}\p{N}\p{M}]/u.test(ch) : separators.includes(ch);
    result += isSeparator ? ch : startOfWord ? ch.toUpperCase() : ch.toLowerCase();
    startOfWord = isSeparator;
  }
  return result;
}

function splitOnAny(text: string, delimiters: string): string[] {
  if (delimiters === "") return [text];
  const words: string[] = [];
  let current = "";
  for (const ch of text) {
    if (delimiters.includes(ch)) {
      words.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  words.push(current);
  return words;
}

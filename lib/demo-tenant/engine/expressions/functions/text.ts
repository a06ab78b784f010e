import "server-only";

import type { FunctionCall } from "../function-call";
import type { FunctionDefinition } from "../function-definition";
import { mapStrings } from "../values";
import { normalizeDiacritics } from "./normalize-diacritics";

/** String functions: each applies to every value of a multi-valued source, and keeps null as null. */
export const textFunctions: readonly FunctionDefinition[] = [
  {
    name: "Append",
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
    parameters: [{ key: "source", required: true }, { key: "wordSeparators" }],
    evaluate(call) {
      const separators = call.has(1) ? (call.text(1) ?? "") : null;
      return mapStrings(call.value(0), (text) => properCase(text, separators));
    },
  },
  {
    name: "StripSpaces",
    parameters: [{ key: "source", required: true }],
    evaluate: (call) => mapStrings(call.value(0), (text) => text.replaceAll(" ", "")),
  },
  {
    name: "NormalizeDiacritics",
    parameters: [{ key: "source", required: true }],
    evaluate: (call) => mapStrings(call.value(0), normalizeDiacritics),
  },
  {
    name: "Mid",
    parameters: [
      { key: "source", required: true },
      { key: "start", required: true },
      { key: "length", required: true },
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
    parameters: [
      { key: "string", required: true },
      { key: "numChars", required: true },
    ],
    evaluate(call) {
      const count = requiredInteger(call, 1, "numChars");
      // Documented: a null string gives "", a negative count gives the whole string.
      const source = call.value(0) ?? "";
      return mapStrings(source, (text) => (count < 0 ? text : text.slice(0, count)));
    },
  },
  {
    name: "Word",
    parameters: [
      { key: "string", required: true },
      { key: "wordNumber", required: true },
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
    parameters: [
      { key: "source", required: true },
      { key: "delimiter", required: true },
    ],
    evaluate(call) {
      const source = call.value(0);
      if (source === null) return null;
      const delimiter = call.text(1) ?? "";
      const texts = Array.isArray(source) ? source : [source];
      return texts.flatMap((text) => (delimiter === "" ? [text] : text.split(delimiter)));
    },
  },
  {
    name: "InStr",
    parameters: [
      { key: "value1", required: true },
      { key: "value2", required: true },
      { key: "start" },
      { key: "compareType" },
    ],
    evaluate(call) {
      const haystack = call.text(0);
      const needle = call.text(1);
      if (haystack === null || needle === null) return null;
      const start = call.integer(2) ?? 1;
      if (start < 1) throw call.error(`InStr: start is 1-based and must be at least 1, got ${start}`);
      const compareType = (call.text(3) ?? "vbBinaryCompare").toLowerCase();
      const ignoreCase = compareType === "vbtextcompare" || compareType === "1";
      const found = ignoreCase
        ? haystack.toLowerCase().indexOf(needle.toLowerCase(), start - 1)
        : haystack.indexOf(needle, start - 1);
      return String(found + 1);
    },
  },
  {
    name: "ConvertToBase64",
    parameters: [{ key: "source", required: true }],
    // Documented as "Unicode base64": the UTF-16LE bytes, as .NET's Encoding.Unicode.
    evaluate: (call) => mapStrings(call.value(0), (text) => Buffer.from(text, "utf16le").toString("base64")),
  },
  {
    name: "ConvertToUTF8Hex",
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

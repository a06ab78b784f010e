import "server-only";

interface Keys {
  source: string;
  lower: string;
  /** Lower-cased words, each preceded by a space, so a word prefix is `includes(" " + term)`. */
  words: string;
}

// Computed once per object and property, and recomputed only when the value itself changes, so
// searching thousands of users costs string comparisons. Kept in a non-enumerable slot on the
// object: one property read per lookup, invisible to JSON, spreads and equality checks.
const SLOT = Symbol("lowerCaseKeys");
type Slotted = { [SLOT]?: Record<string, Keys> };

export const toSearchWords = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()}`;

function keysFor(item: object, property: string, value: string): Keys {
  let perItem = (item as Slotted)[SLOT];
  if (!perItem) {
    perItem = {};
    Object.defineProperty(item, SLOT, { value: perItem, enumerable: false });
  }
  const cached = perItem[property];
  if (cached && cached.source === value) return cached;
  const keys = { source: value, lower: value.toLowerCase(), words: toSearchWords(value) };
  perItem[property] = keys;
  return keys;
}

export const lowerCaseOf = (item: object, property: string, value: string) =>
  keysFor(item, property, value).lower;
export const searchWordsOf = (item: object, property: string, value: string) =>
  keysFor(item, property, value).words;

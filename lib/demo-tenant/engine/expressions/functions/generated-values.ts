import "server-only";

import type { FunctionCall } from "../function-call";
import type { FunctionDefinition } from "../function-definition";
import { newGuid, randomIntBelow } from "./randomness";

const MAX_RANDOM_LENGTH = 256;

// The character classes of Windows' password complexity rules, which RandomString draws from.
const CHARACTER_CLASSES = {
  numbers: "0123456789",
  special: "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/",
  capital: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lowerCase: "abcdefghijklmnopqrstuvwxyz",
} as const;

type CharacterClass = keyof typeof CHARACTER_CLASSES;

const MINIMUMS: readonly [CharacterClass, string][] = [
  ["numbers", "MinimumNumbers"],
  ["special", "MinimumSpecialCharacters"],
  ["capital", "MinimumCapital"],
  ["lowerCase", "MinimumLowerCase"],
];

const count = (key: string) => ({ key, required: true, types: ["Integer"] }) as const;

export const generatedValueFunctions: readonly FunctionDefinition[] = [
  {
    name: "Guid",
    summary: "Gives a new random GUID.",
    returns: { type: "String", multivalued: false },
    parameters: [],
    evaluate: (call) => newGuid(call.options),
  },
  {
    name: "RandomString",
    summary:
      "Gives a random string of Length characters with at least the given numbers, special characters, capitals and lower-case letters, avoiding CharactersToAvoid.",
    returns: { type: "String", multivalued: false },
    parameters: [count("Length"), ...MINIMUMS.map(([, key]) => count(key)), { key: "CharactersToAvoid" }],
    evaluate: randomString,
  },
  {
    name: "DefaultDomain",
    summary: "Gives the tenant's default verified domain, such as contoso.com.",
    returns: { type: "String", multivalued: false },
    parameters: [],
    evaluate(call) {
      const domain = call.options.defaultDomain;
      if (!domain) throw call.error("DefaultDomain: the tenant has no default verified domain");
      return domain;
    },
  },
];

function randomString(call: FunctionCall): string {
  const length = nonNegative(call, 0, "Length");
  if (length < 1 || length > MAX_RANDOM_LENGTH) {
    throw call.error(`RandomString: Length must be from 1 to ${MAX_RANDOM_LENGTH}, got ${length}`);
  }
  const avoid = new Set(call.text(5) ?? "");
  const minimums = MINIMUMS.map(([characterClass, key], i) => {
    const pool = [...CHARACTER_CLASSES[characterClass]].filter((ch) => !avoid.has(ch));
    const minimum = nonNegative(call, i + 1, key);
    if (minimum > 0 && pool.length === 0) {
      throw call.error(`RandomString: CharactersToAvoid leaves nothing to meet ${key}`);
    }
    return { minimum, pool };
  });
  const required = minimums.reduce((sum, { minimum }) => sum + minimum, 0);
  if (required > length) {
    throw call.error(`RandomString: the minimums add up to ${required}, more than the Length ${length}`);
  }
  const pick = (pool: readonly string[]) => pool[randomIntBelow(call.options, pool.length)]!;
  const chars = minimums.flatMap(({ minimum, pool }) => Array.from({ length: minimum }, () => pick(pool)));
  // The rest comes from the classes asked for; with every minimum 0, from letters and numbers.
  const asked = minimums.filter(({ minimum }) => minimum > 0).flatMap(({ pool }) => pool);
  const filler =
    asked.length > 0 ? asked : [...minimums[0]!.pool, ...minimums[2]!.pool, ...minimums[3]!.pool];
  if (filler.length === 0 && chars.length < length) {
    throw call.error("RandomString: CharactersToAvoid leaves no characters to choose from");
  }
  while (chars.length < length) chars.push(pick(filler));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIntBelow(call.options, i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

function nonNegative(call: FunctionCall, index: number, key: string): number {
  const value = call.integer(index);
  if (value === null) throw call.error(`RandomString: ${key} has no value`);
  if (value < 0) throw call.error(`RandomString: ${key} must not be negative, got ${value}`);
  return value;
}

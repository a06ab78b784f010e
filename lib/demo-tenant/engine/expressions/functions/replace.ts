import "server-only";

import type { FunctionCall } from "../function-call";
import type { FunctionDefinition } from "../function-definition";
import { mapStrings, type ExpressionValue } from "../values";

const SOURCE = 0;
const OLD_VALUE = 1;
const REGEX_PATTERN = 2;
const REGEX_GROUP_NAME = 3;
const REPLACEMENT_VALUE = 4;
const REPLACEMENT_ATTRIBUTE = 5;
const TEMPLATE = 6;

/**
 * Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template),
 * case-sensitive; which of the documented modes runs depends on which arguments are given.
 */
export const replaceFunction: FunctionDefinition = {
  name: "Replace",
  summary:
    "Replaces, case-sensitively, oldValue or what regexPattern (or its regexGroupName) matches; or puts the source into a template; or falls back on another attribute.",
  returns: { type: "String", multivalued: "source" },
  // Graph's parseExpression keys oldValue and replacementValue as Find and Replacement.
  parameters: [
    { key: "source", required: true },
    { key: "Find", name: "oldValue" },
    { key: "regexPattern" },
    { key: "regexGroupName" },
    { key: "Replacement", name: "replacementValue" },
    { key: "replacementAttributeName" },
    { key: "template" },
  ],
  evaluate(call) {
    if (call.has(REGEX_PATTERN)) return replaceByPattern(call);
    if (call.has(OLD_VALUE)) return replaceLiteral(call);
    throw call.error("Replace needs either an oldValue or a regexPattern argument");
  },
};

function replaceLiteral(call: FunctionCall): ExpressionValue {
  const oldValue = call.text(OLD_VALUE) ?? "";
  if (oldValue === "") throw call.error("Replace: oldValue must not be empty");
  const source = call.value(SOURCE);
  if (call.has(TEMPLATE)) {
    const template = call.text(TEMPLATE) ?? "";
    return mapStrings(source, (text) => template.split(oldValue).join(text));
  }
  if (call.has(REPLACEMENT_VALUE)) {
    const replacement = call.text(REPLACEMENT_VALUE) ?? "";
    return mapStrings(source, (text) => text.split(oldValue).join(replacement));
  }
  throw call.error("Replace with an oldValue needs a replacementValue or a template argument");
}

function replaceByPattern(call: FunctionCall): ExpressionValue {
  const pattern = call.text(REGEX_PATTERN) ?? "";
  const groupName = call.has(REGEX_GROUP_NAME) ? call.text(REGEX_GROUP_NAME) : null;
  if (groupName !== null && !pattern.includes(`(?<${groupName}>`)) {
    throw call.error(`Replace: the regexPattern has no group named ${JSON.stringify(groupName)}`);
  }
  const source = call.value(SOURCE);

  if (groupName !== null && call.has(REPLACEMENT_ATTRIBUTE) && !call.has(REPLACEMENT_VALUE)) {
    // Fallback mode: keep the source when it has a value, else extract the group from the other attribute.
    if (source !== null && source !== "" && !(Array.isArray(source) && source.length === 0)) return source;
    const fallback = call.text(REPLACEMENT_ATTRIBUTE);
    if (fallback === null) return null;
    return compile(call, pattern, "").exec(fallback)?.groups?.[groupName] ?? null;
  }

  if (!call.has(REPLACEMENT_VALUE)) {
    throw call.error(
      "Replace with a regexPattern needs a replacementValue or a replacementAttributeName argument",
    );
  }
  const replacement = call.text(REPLACEMENT_VALUE) ?? "";
  if (groupName !== null) {
    const regex = compile(call, pattern, "gd");
    return mapStrings(source, (text) => replaceGroup(text, regex, groupName, replacement));
  }
  const regex = compile(call, pattern, "g");
  const jsReplacement = toJavaScriptReplacement(replacement);
  return mapStrings(source, (text) => text.replace(regex, jsReplacement));
}

function compile(call: FunctionCall, pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw call.error(
      `Replace: invalid regexPattern ${JSON.stringify(pattern)} (${(error as Error).message})`,
    );
  }
}

/** Replaces only the span the named group matched, in every match. */
function replaceGroup(text: string, regex: RegExp, groupName: string, replacement: string): string {
  let result = "";
  let copied = 0;
  for (const match of text.matchAll(regex)) {
    const span = match.indices?.groups?.[groupName];
    if (!span) continue;
    result += text.slice(copied, span[0]) + replacement;
    copied = span[1];
  }
  return result + text.slice(copied);
}

/** .NET substitutions → JavaScript: `${name}` → `$<name>`, `${1}` → `$1`, `$0` → `$&`; `$1` and `$$` agree. */
function toJavaScriptReplacement(replacement: string): string {
  return replacement.replace(
    /\$(\$|\{(\w+)\}|0(?!\d))/g,
    (whole, _token: string, name: string | undefined) => {
      if (whole === "$$") return "$$";
      if (name !== undefined) return /^\d+$/.test(name) ? `$${name}` : `$<${name}>`;
      return "$&";
    },
  );
}

import "server-only";

import type { FunctionDefinition } from "../function-definition";
import { toList } from "../values";

export const multiValuedFunctions: readonly FunctionDefinition[] = [
  {
    name: "Join",
    summary:
      "Joins the values of every source, multi-valued ones flattened and empty ones skipped, with the separator between.",
    returns: { type: "String", multivalued: false },
    parameters: [{ key: "separator", required: true }],
    rest: { keys: ["source"], min: 1, multivalued: true },
    evaluate(call) {
      const separator = call.text(0) ?? "";
      const parts: string[] = [];
      for (let i = 0; i < call.restCount; i++) {
        // Multi-valued sources are flattened; null and empty values are skipped, as in Join(", ", "", [sn], [gn]).
        parts.push(...toList(call.restValue(i) ?? null).filter((part) => part !== ""));
      }
      return parts.length === 0 ? null : parts.join(separator);
    },
  },
  {
    name: "Item",
    summary: "Gives the value at the 1-based index of a multi-valued attribute.",
    returns: { type: "String", multivalued: false },
    parameters: [
      { key: "attribute", required: true, multivalued: true },
      { key: "index", required: true, types: ["Integer"] },
    ],
    evaluate(call) {
      const index = call.integer(1);
      if (index === null) throw call.error("Item: index has no value");
      const items = toList(call.value(0));
      return index >= 1 ? (items[index - 1] ?? null) : null;
    },
  },
  {
    name: "Count",
    summary: "Gives the number of values of a multi-valued attribute.",
    returns: { type: "Integer", multivalued: false },
    parameters: [{ key: "attribute", required: true, multivalued: true }],
    evaluate: (call) => String(toList(call.value(0)).length),
  },
  {
    name: "RemoveDuplicates",
    summary: "Keeps the first of each repeated value of a multi-valued attribute.",
    returns: { type: "String", multivalued: true },
    parameters: [{ key: "attribute", required: true, multivalued: true }],
    evaluate(call) {
      const value = call.value(0);
      return Array.isArray(value) ? [...new Set(value)] : value;
    },
  },
];

import "server-only";

import type { FunctionDefinition } from "../function-definition";
import { toList, type ExpressionValue } from "../values";

export const multiValuedFunctions: readonly FunctionDefinition[] = [
  {
    name: "Join",
    parameters: [{ key: "separator", required: true }],
    rest: { keys: ["source"], min: 1 },
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
    parameters: [
      { key: "attribute", required: true },
      { key: "index", required: true },
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
    parameters: [{ key: "attribute", required: true }],
    evaluate: (call) => String(toList(call.value(0)).length),
  },
  {
    name: "RemoveDuplicates",
    parameters: [{ key: "attribute", required: true }],
    evaluate(call) {
      const value = call.value(0);
      return Array.isArray(value) ? [...new Set(value)] : value;
    },
  },
  {
    name: "SingleAppRoleAssignment",
    parameters: [{ key: "source", required: true }],
    // Entra calls the choice among several roles unpredictable; the first assigned one is as good as any.
    evaluate: (call): ExpressionValue => toList(call.value(0)).find((role) => role !== "") ?? null,
  },
];

import "server-only";

import type { AttributeMappingSource } from "../../../model";
import type { FunctionDefinition } from "../function-definition";

/** What the provisioning logs show in place of a redacted value. */
export const REDACTED_VALUE = "[Redact]";

export const redactFunction: FunctionDefinition = {
  name: "Redact",
  summary: 'Gives the value unchanged but shows it as "[Redact]" in the provisioning logs.',
  returns: { type: "String", multivalued: "source" },
  parameters: [{ key: "source", required: true, multivalued: true }],
  // The value flows to the target; hiding it is the logs' business (see redactsLoggedValue).
  evaluate: (call) => call.value(0),
};

/** Whether the logs must show REDACTED_VALUE for this mapping's value: Redact appears anywhere in it. */
export function redactsLoggedValue(source: AttributeMappingSource | null): boolean {
  if (source === null) return false;
  if (source.type === "Function" && source.name?.toLowerCase() === "redact") return true;
  return (source.parameters ?? []).some((parameter) => redactsLoggedValue(parameter?.value ?? null));
}

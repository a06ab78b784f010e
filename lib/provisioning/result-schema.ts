import { z } from "zod";
import { OUTCOMES, STEP_KINDS } from "./result";

const text = z.string().nullable();
const outcome = z.enum(OUTCOMES);
const party = z.object({ system: text, id: text, type: text, displayName: text });

export const provisioningStepSchema = z.object({
  name: z.string(),
  type: z.string(),
  kind: z.enum(STEP_KINDS as [string, ...string[]]),
  status: z.string(),
  outcome,
  description: z.string(),
  timestamp: text,
  details: z.record(z.string(), z.string()),
});

export const modifiedPropertySchema = z.object({
  name: z.string(),
  oldValue: text,
  newValue: text,
  oldValueReported: z.boolean(),
  change: z.enum(["added", "changed", "removed", "unchanged", "unknown"]),
});

export const provisioningReportSchema = z.object({
  action: text,
  status: outcome,
  statusText: text,
  changeId: text,
  reportableIdentifier: text,
  startTime: text,
  endTime: text,
  statusInfo: z.object({
    errorCode: text,
    reason: text,
    additionalDetails: text,
    errorCategory: text,
    recommendedAction: text,
  }),
  source: party,
  target: party,
  steps: z.array(provisioningStepSchema),
  modifiedProperties: z.array(modifiedPropertySchema),
  raw: z.unknown(),
});

/**
 * The shape of a ProvisioningResult, for checking one read back from storage.
 * Not used by the parser itself, which builds results directly for speed.
 */
export const provisioningResultSchema = z.object({
  outcome,
  resultText: text,
  errorCode: text,
  errorMessage: text,
  reports: z.array(provisioningReportSchema),
  warnings: z.array(z.string()),
  wireShape: z.enum(["json-key", "type-name-key", "provisioning-log", "unrecognised"]),
  keyTypeName: text,
  odataContext: text,
  raw: z.object({ key: z.unknown(), value: z.unknown(), body: z.unknown().optional() }),
});

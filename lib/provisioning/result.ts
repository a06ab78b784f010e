export const OUTCOMES = ["Success", "Skipped", "Failure", "Warning", "Unknown"] as const;

export type Outcome = (typeof OUTCOMES)[number];

export type StepKind =
  | "Import"
  | "Scoping"
  | "Matching"
  | "Processing"
  | "ReferenceResolution"
  | "Export"
  | "Other";

export const STEP_KINDS: readonly StepKind[] = [
  "Import",
  "Scoping",
  "Matching",
  "Processing",
  "ReferenceResolution",
  "Export",
  "Other",
];

export type PropertyChange = "added" | "changed" | "removed" | "unchanged" | "unknown";

/** Which of the two answers provisionOnDemand is known to give. */
export type WireShape =
  | "json-key" // key is a JSON verdict, value one report object (or "{}")
  | "type-name-key" // key is a .NET type name, value a JSON array of reports
  | "provisioning-log" // not an answer of provisionOnDemand: one provisioningObjectSummary of the logs
  | "unrecognised";

export interface ProvisioningResult {
  outcome: Outcome;
  /** key.result exactly as the service wrote it, even when it could not be normalised. */
  resultText: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  reports: ProvisioningReport[];
  /** What could not be understood; the raw text stays in `raw`. */
  warnings: string[];
  wireShape: WireShape;
  /** The type name given as `key` in the type-name wire shape. */
  keyTypeName: string | null;
  odataContext: string | null;
  /** Decoded originals; a string where it was not JSON. `body` only when the body itself was not a key/value object. */
  raw: { key: unknown; value: unknown; body?: unknown };
}

export interface ProvisioningReport {
  action: string | null;
  status: Outcome;
  /** statusInfo.status exactly as given. */
  statusText: string | null;
  changeId: string | null;
  reportableIdentifier: string | null;
  startTime: string | null;
  endTime: string | null;
  statusInfo: {
    errorCode: string | null;
    reason: string | null;
    additionalDetails: string | null;
    errorCategory: string | null;
    recommendedAction: string | null;
  };
  source: ProvisioningParty;
  target: ProvisioningParty;
  steps: ProvisioningStep[];
  modifiedProperties: ModifiedProperty[];
  /** The report object as decoded, for "show raw". */
  raw: unknown;
}

export interface ProvisioningParty {
  system: string | null;
  id: string | null;
  type: string | null;
  displayName: string | null;
}

export interface ProvisioningStep {
  name: string;
  /** As given: Import, Scoping, Matching, Processing, ReferenceResolution, Export or anything else. */
  type: string;
  kind: StepKind;
  /** As given: Success, Skipped, Failure, Warning or anything else. */
  status: string;
  outcome: Outcome;
  description: string;
  timestamp: string | null;
  /** Every value a string; nested objects and arrays as JSON text. */
  details: Record<string, string>;
}

export interface ModifiedProperty {
  name: string;
  oldValue: string | null;
  newValue: string | null;
  /** False when the answer had no oldValue key at all. */
  oldValueReported: boolean;
  change: PropertyChange;
}

import "server-only";

/** What an object mapping lets the engine do in the target (its `flowTypes`). */
export interface FlowTypes {
  add: boolean;
  update: boolean;
  delete: boolean;
}

/** Cloud Sync on demand and a group's members do not consult flow types. */
export const EVERY_FLOW: FlowTypes = { add: true, update: true, delete: true };

/**
 * What scope asks of an object before any attribute is compared: to be provisioned (created or
 * kept up to date), to be deprovisioned (it is in the target but no longer in scope), or nothing
 * at all (out of scope and not in the target, where Entra stops at the Scoping step).
 */
export type ScopeVerdict = "Provision" | "Deprovision" | "OutOfScope";

export function scopeVerdict(entitled: boolean, inTarget: boolean): ScopeVerdict {
  if (entitled) return "Provision";
  return inTarget ? "Deprovision" : "OutOfScope";
}

/** Why an object is left as it is. */
export type SkipCause =
  /** Out of scope and not in the target: nothing to provision, nothing to take away. */
  | "OutOfScope"
  /** The target already holds what the source asks of it. */
  | "AlreadyInSync"
  | "CreateTurnedOff"
  | "UpdateTurnedOff"
  /** Out of scope and in the target, but the mapping has no Delete flow type. */
  | "DeletesTurnedOff"
  /** Out of scope and in the target, but no attribute mapping reads IsSoftDeleted to disable it. */
  | "NoSoftDeleteMapping";

/**
 * How an object that left scope is taken away in the target: disabled through the attribute
 * mappings that read IsSoftDeleted (users), deleted (groups, which SCIM cannot disable), or not at
 * all (a user whose mappings never read IsSoftDeleted, as Microsoft documents).
 */
export type Deprovisioning = "Disable" | "Delete" | null;

/** The skip reason Entra reports for each cause. */
export const SKIP_REASON: Record<SkipCause, string> = {
  OutOfScope: "NotEffectivelyEntitled",
  AlreadyInSync: "RedundantExport",
  CreateTurnedOff: "EntrySynchronizationSkipped",
  UpdateTurnedOff: "EntrySynchronizationSkipped",
  DeletesTurnedOff: "NotEffectivelyEntitled",
  NoSoftDeleteMapping: "NotEffectivelyEntitled",
};

export type Decision<Change> =
  | { action: "Create" }
  | { action: "Update"; changes: Change[] }
  | { action: "Disable"; changes: Change[] }
  | { action: "Delete" }
  | { action: "Skip"; cause: SkipCause };

export interface DecisionInput<Change> {
  /** The Scoping step's verdict on the source object: it should exist, enabled, in the target. */
  entitled: boolean;
  /**
   * How the matched target object differs from what the source asks of it — its mapped values
   * when entitled, its deprovisioned state when not; null when nothing in the target matched.
   */
  differences: Change[] | null;
  flows: FlowTypes;
  deprovisioning: Deprovisioning;
}

/**
 * The action Entra takes on one object, from its scope, what the target holds and what the mapping
 * allows. An entitled object is created or brought up to date; one that is no longer entitled but
 * still in the target is disabled (or, for groups, deleted); everything else is a skip, and the
 * cause says why.
 */
export function decide<Change>(input: DecisionInput<Change>): Decision<Change> {
  const { entitled, differences, flows, deprovisioning } = input;
  if (differences === null) {
    if (!entitled) return skip("OutOfScope");
    return flows.add ? { action: "Create" } : skip("CreateTurnedOff");
  }
  if (entitled) {
    if (differences.length === 0) return skip("AlreadyInSync");
    return flows.update ? { action: "Update", changes: differences } : skip("UpdateTurnedOff");
  }
  if (!flows.delete) return skip("DeletesTurnedOff");
  if (deprovisioning === null) return skip("NoSoftDeleteMapping");
  if (deprovisioning === "Delete") return { action: "Delete" };
  if (differences.length === 0) return skip("AlreadyInSync");
  return { action: "Disable", changes: differences };
}

function skip(cause: SkipCause): { action: "Skip"; cause: SkipCause } {
  return { action: "Skip", cause };
}

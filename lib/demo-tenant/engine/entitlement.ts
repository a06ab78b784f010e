import "server-only";

import type { DemoJob, ObjectMapping } from "../model";
import type { AttributeReader } from "./entra-source";
import { evaluateScopingFilter } from "./scoping";

/** Whether one source object should exist (enabled) in the app, and why — the Scoping step. */
export interface Entitlement {
  isActive: boolean;
  assigned: boolean;
  inScope: boolean;
  /** Each scoping clause and whether it held, keyed as Entra shows them. */
  clauses: Record<string, boolean>;
  entitled: boolean;
  /** Plain reasons when not entitled, e.g. "it is not assigned to the application". */
  reasons: string[];
}

export function evaluateEntitlement(
  job: DemoJob,
  objectMapping: ObjectMapping,
  subject: { isActive: boolean; assigned: boolean },
  read: AttributeReader,
): Entitlement {
  const { inScope, clauses } = evaluateScopingFilter(objectMapping.scope, read);
  const reasons: string[] = [];
  if (!subject.isActive) reasons.push("it is disabled or deleted in Azure Active Directory");
  if (job.syncAssignedOnly && !subject.assigned)
    reasons.push(
      "it is not assigned to the application, directly or through a group it is a direct member of",
    );
  if (!inScope) reasons.push("it does not pass the scoping filter");
  return { ...subject, inScope, clauses, entitled: reasons.length === 0, reasons };
}

export function scopingDetails(entitlement: Entitlement): Record<string, string> {
  const text = (flag: boolean) => (flag ? "True" : "False");
  return {
    IsActive: text(entitlement.isActive),
    Assigned: text(entitlement.assigned),
    IsEffectivelyEntitledForProvisioning: text(entitlement.entitled),
    IsInProvisioningScopeDisplayName: text(entitlement.inScope),
    ScopeEvaluationResult: JSON.stringify(entitlement.clauses),
  };
}

import "server-only";

import type { AppRun } from "./context";
import { entraUserReader } from "./entra-source";
import { objectMappingFor, type DesiredAttribute } from "./mapped-values";
import type { ResolvedAttribute } from "./scim-changes";
import { findInTarget, matchersFor } from "./target-match";

/** Turns reference values (a manager's object id) into the referenced object's id in the app. */
export async function resolveReferences(
  run: AppRun,
  desired: DesiredAttribute[],
  kinds: (name: string) => string,
): Promise<ResolvedAttribute[]> {
  const resolved: ResolvedAttribute[] = [];
  for (const attribute of desired) {
    const kind = kinds(attribute.targetAttributeName) as ResolvedAttribute["kind"];
    if (kind !== "Reference" || attribute.value === null) {
      resolved.push({ ...attribute, kind });
      continue;
    }
    const sourceId = Array.isArray(attribute.value) ? attribute.value[0] : attribute.value;
    resolved.push({
      ...attribute,
      kind,
      value: sourceId === undefined ? null : await targetIdOfUser(run, sourceId),
    });
  }
  return resolved;
}

/** A referenced user only resolves when it is already in the app (exportMissingReferences is off). */
async function targetIdOfUser(run: AppRun, userId: string): Promise<string | null> {
  const user = run.env.tenant.users.get(userId);
  const userMapping = objectMappingFor(run.rule, "User");
  if (!user || !userMapping) return null;
  const read = entraUserReader(run.env.tenant, run.servicePrincipal, user);
  try {
    const match = await findInTarget(run.scim, "Users", matchersFor(userMapping, read));
    return match.kind === "found" ? String(match.resource.id) : null;
  } catch {
    return null;
  }
}

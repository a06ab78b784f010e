import "server-only";
import { newDirectoryUser } from "../directory-user";
import type { DirectoryUser, ObjectMapping, OnPremisesUser, SynchronizationRule } from "../model";
import { CloudSyncReport, type EntraChange } from "./cloud-sync-report";
import type { EngineEnvironment } from "./context";
import { decide, EVERY_FLOW } from "./decision";
import type { AttributeReader } from "./entra-source";
import { entraUserField, entraValuesEqual } from "./entra-user-fields";
import { desiredAttributes, mappingValue, matchingMappings, objectMappingFor } from "./mapped-values";
import { displayText, type ProvisioningReport } from "./report";

function adReader(adUser: OnPremisesUser): AttributeReader {
  const byLowerName = new Map(
    Object.entries(adUser.attributes).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return (name) => {
    const value =
      name.toLowerCase() === "distinguishedname"
        ? adUser.distinguishedName
        : byLowerName.get(name.toLowerCase());
    return value === undefined || value === "" ? null : value;
  };
}

/** userAccountControl bit 2 is ACCOUNTDISABLE; the agent also reports accountDisabled. */
function isActiveInAd(read: AttributeReader): boolean {
  const control = Number(read("userAccountControl"));
  const disabledByControl = Number.isInteger(control) && (control & 2) === 2;
  return !disabledByControl && String(read("accountDisabled")).toLowerCase() !== "true";
}

/** AD's objectGUID (base64 of the little-endian GUID bytes) as the GUID text Graph shows. */
export function guidText(objectGuidBase64: string | null): string | null {
  if (objectGuidBase64 === null) return null;
  const bytes = Buffer.from(objectGuidBase64, "base64");
  if (bytes.length !== 16) return null;
  const hex = (from: number, to: number, reverse: boolean) => {
    const slice = [...bytes.subarray(from, to)];
    return (reverse ? slice.reverse() : slice).map((b) => b.toString(16).padStart(2, "0")).join("");
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}

type EntraMatch =
  | { kind: "found"; user: DirectoryUser }
  | { kind: "none" }
  | { kind: "duplicate"; attribute: string; value: string; users: DirectoryUser[] };

/** A mapped value with the Entra ID user field it goes to. */
interface EntraValue {
  name: string;
  value: string;
  field: NonNullable<ReturnType<typeof entraUserField>>;
}

/**
 * Cloud Sync on demand: one AD user, addressed by distinguished name, into the tenant's own Entra ID,
 * through the same stages as app provisioning: import → scope → match → decide → export. Scoping
 * filters are not applied on demand (as Microsoft documents), so every user is in scope.
 */
export function provisionFromActiveDirectory(
  env: EngineEnvironment,
  rule: SynchronizationRule,
  adUser: OnPremisesUser,
): ProvisioningReport {
  const read = adReader(adUser);
  const report = new CloudSyncReport(env, {
    name: displayText(read("userPrincipalName")) ?? adUser.distinguishedName,
    sourceId: guidText(displayText(read("objectGUID"))) ?? adUser.distinguishedName,
    displayName: displayText(read("displayName")),
  });
  report.imported({ distinguishedName: adUser.distinguishedName, ...adUser.attributes });
  report.scoped(isActiveInAd(read));

  const objectMapping = objectMappingFor(rule, "user");
  if (!objectMapping) return report.noMapping();
  const match = matchInEntra(env, objectMapping, read);
  if (match.kind === "duplicate") return report.duplicates(match.attribute, match.value, match.users);
  const existing = match.kind === "found" ? match.user : null;

  const wanted = entraValues(objectMapping, read, existing === null);
  const decision = decide({
    entitled: true,
    differences: existing && changesTo(existing, wanted),
    flows: EVERY_FLOW,
    deprovisioning: null,
  });
  switch (decision.action) {
    case "Create":
      return createInEntra(env, report, wanted);
    case "Update":
      return report.updated(save(env, updatedUser(existing!, wanted)).id, decision.changes);
    default:
      // Always in scope and allowed every flow, the only skip left is an object already in sync.
      return report.inSync(existing!.id);
  }
}

/** Each matching mapping in turn against the Entra ID users that are not deleted; the first hit stops. */
function matchInEntra(
  env: EngineEnvironment,
  objectMapping: ObjectMapping,
  read: AttributeReader,
): EntraMatch {
  const users = [...env.tenant.users.values()].filter((u) => u.deletedDateTime === null);
  for (const mapping of matchingMappings(objectMapping)) {
    const value = mappingValue(mapping, read);
    const field = entraUserField(mapping.targetAttributeName);
    if (value === null || !field) continue;
    const hits = users.filter((u) => entraValuesEqual(mapping.targetAttributeName, field.read(u), value));
    if (hits.length > 1)
      return { kind: "duplicate", attribute: mapping.targetAttributeName, value, users: hits };
    if (hits[0]) return { kind: "found", user: hits[0] };
  }
  return { kind: "none" };
}

/** The mapped values that have a value and a home on an Entra ID user, by attribute name. */
function entraValues(objectMapping: ObjectMapping, read: AttributeReader, creating: boolean): EntraValue[] {
  return desiredAttributes(objectMapping.attributeMappings, read, creating)
    .map((d) => ({
      name: d.targetAttributeName,
      value: displayText(d.value),
      field: entraUserField(d.targetAttributeName),
    }))
    .filter((d): d is EntraValue => d.value !== null && d.field !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function changesTo(user: DirectoryUser, wanted: EntraValue[]): EntraChange[] {
  return wanted
    .filter((d) => d.field.read(user) !== d.value)
    .map((d) => ({ name: d.name, oldValue: d.field.read(user), newValue: d.value }));
}

function createInEntra(
  env: EngineEnvironment,
  report: CloudSyncReport,
  wanted: EntraValue[],
): ProvisioningReport {
  const upn = wanted.find((d) => d.name === "UserPrincipalName")?.value;
  if (!upn) return report.missingUserPrincipalName();
  let user = newCloudUser(env, upn);
  for (const d of wanted) user = d.field.write(user, d.value);
  save(env, user);
  return report.created(
    user.id,
    wanted.map((d) => ({ name: d.name, oldValue: null, newValue: d.value })),
  );
}

function updatedUser(existing: DirectoryUser, wanted: EntraValue[]): DirectoryUser {
  let user: DirectoryUser = { ...existing, onPremisesSyncEnabled: true };
  for (const d of wanted) if (d.field.read(existing) !== d.value) user = d.field.write(user, d.value);
  return user;
}

function newCloudUser(env: EngineEnvironment, userPrincipalName: string): DirectoryUser {
  return newDirectoryUser({
    id: env.newId(),
    userPrincipalName,
    createdDateTime: env.now().toISOString(),
    onPremisesSyncEnabled: true,
  });
}

function save(env: EngineEnvironment, user: DirectoryUser): DirectoryUser {
  env.tenant.users.set(user.id, user);
  env.onDirectoryUserChanged?.(user);
  return user;
}

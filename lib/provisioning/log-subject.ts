import type { ProvisionSubject } from "./build-request";
import type { ProvisioningLogEvent } from "./log-entry";

export type EventSubject =
  | { ok: true; subject: ProvisionSubject; label: string }
  | { ok: false; label: string; reason: string };

const ACTIVE_DIRECTORY = "active directory";

/** A Cloud Sync event names the AD user by its distinguished name in the Import step's details. */
function distinguishedNameOf(event: ProvisioningLogEvent): string | null {
  for (const step of event.result.reports[0]?.steps ?? []) {
    for (const [key, value] of Object.entries(step.details)) {
      if (key.toLowerCase() === "distinguishedname" && value.trim() !== "") return value.trim();
    }
  }
  return null;
}

/**
 * The object an event was about, as provision on demand takes it: an Entra user by object id, or
 * (Cloud Sync, whose source is Active Directory) an on-premises user by distinguished name. A group
 * cannot be sent without picking its members, so it is named but not offered.
 */
export function subjectOfEvent(event: ProvisioningLogEvent): EventSubject {
  const report = event.result.reports[0];
  const label =
    report?.reportableIdentifier ?? event.source.displayName ?? event.source.id ?? "Unnamed object";
  const type = event.source.type?.trim().toLowerCase() ?? "";
  const fromActiveDirectory = event.source.system?.trim().toLowerCase() === ACTIVE_DIRECTORY;
  if (type === "group")
    return {
      ok: false,
      label,
      reason: "A group is provisioned with chosen members; open the job to pick them.",
    };
  if (type !== "user")
    return {
      ok: false,
      label,
      reason: `Objects of type "${event.source.type ?? "unknown"}" are not provisioned on demand here.`,
    };
  if (fromActiveDirectory) {
    const distinguishedName = distinguishedNameOf(event);
    if (distinguishedName === null)
      return {
        ok: false,
        label,
        reason: "The event does not name the user's distinguished name in Active Directory.",
      };
    return { ok: true, subject: { kind: "onPremisesUser", distinguishedName }, label };
  }
  if (event.source.id === null)
    return { ok: false, label, reason: "The event does not name the user's object id." };
  return { ok: true, subject: { kind: "user", objectId: event.source.id }, label };
}

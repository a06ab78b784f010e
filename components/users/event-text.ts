import type { EventOrigin } from "@/lib/provisioning";
import type { UserApplication } from "@/lib/api/contracts";

/** Who started a provisioning event, in words. */
export function originText(origin: EventOrigin): string {
  if (origin === "cycle") return "Scheduled cycle";
  if (origin === "onDemand") return "Provision on demand";
  return "Started by an unknown initiator";
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Why this application provisions the user: directly, through which groups, Cloud Sync, or only the log says so. */
export function reachText(app: Pick<UserApplication, "reason" | "direct" | "groups">): string {
  if (app.reason === "onPremises") return "Cloud Sync of the user's Active Directory account";
  if (app.reason === "logOnly") return "Not assigned now; the provisioning logs have events for this user";
  const groups = app.groups.map((group) => group.displayName);
  const through =
    groups.length === 0 ? "" : `through ${groups.length === 1 ? "group" : "groups"} ${list(groups)}`;
  if (app.direct && through) return `Assigned directly and ${through}`;
  if (app.direct) return "Assigned directly";
  return through ? `Assigned ${through}` : "Assigned";
}

/** "3.2 s", "850 ms"; null when unknown. */
export function durationText(ms: number | null): string | null {
  if (ms === null) return null;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

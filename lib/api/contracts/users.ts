import { z } from "zod";
import { provisionSubjectSchema } from "@/lib/provisioning";
import { list } from "./common";
import { runListItem } from "./runs";

// One user across every application with provisioning: who they are, where they are assigned and
// through which group, and per job what the provisioning service and this console last did.

/** GET /api/users?search= — a name, userPrincipalName, mail or object id. */
export const userSearchQuery = z.object({ search: z.string().trim().max(200).default("") });

export const userSearchItem = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  mail: z.string().nullable(),
  /** In the recycle bin: found by name only among deleted users. */
  softDeleted: z.boolean(),
});
export type UserSearchItem = z.infer<typeof userSearchItem>;
export const userSearchList = list(userSearchItem);

export const userProfileView = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  mail: z.string().nullable(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
  userType: z.string().nullable(),
  /** Null when Graph did not say. */
  accountEnabled: z.boolean().nullable(),
  softDeleted: z.boolean(),
  deletedDateTime: z.string().nullable(),
  /** Synced from on-premises Active Directory (Connect or Cloud Sync). */
  onPremisesSynced: z.boolean(),
  onPremisesDistinguishedName: z.string().nullable(),
});
export type UserProfileView = z.infer<typeof userProfileView>;

/** The newest event of the provisioning logs for this user on one job, in a line. */
export const eventSummary = z.object({
  id: z.string(),
  activityDateTime: z.string().nullable(),
  origin: z.enum(["cycle", "onDemand", "unknown"]),
  action: z.string().nullable(),
  outcome: z.string(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  changeId: z.string().nullable(),
  /** The console run that made this change, when one did. */
  runId: z.string().nullable(),
});
export type EventSummary = z.infer<typeof eventSummary>;

export const userJob = z.object({
  jobId: z.string(),
  templateId: z.string(),
  /** Cloud Sync (AD → Entra ID) provisions the user's AD account by distinguished name. */
  kind: z.enum(["app", "cloudSync"]),
  statusCode: z.string(),
  /** What one click of "Provision on demand" sends, or why it cannot. */
  provision: z.union([
    z.object({ ruleId: z.string(), ruleName: z.string(), subject: provisionSubjectSchema }),
    z.object({ problem: z.string() }),
  ]),
  /** Null when the log has no event for the user on this job, or cannot be read (see `log`). */
  latestEvent: eventSummary.nullable(),
  latestRun: runListItem.nullable(),
});
export type UserJob = z.infer<typeof userJob>;

export const userApplication = z.object({
  servicePrincipalId: z.string(),
  displayName: z.string(),
  /**
   * assigned: directly or through the groups named · onPremises: Cloud Sync of the user's AD account ·
   * logOnly: not assigned now, but the provisioning logs have events for the user.
   */
  reason: z.enum(["assigned", "onPremises", "logOnly"]),
  direct: z.boolean(),
  groups: z.array(z.object({ id: z.string(), displayName: z.string() })),
  jobs: z.array(userJob),
});
export type UserApplication = z.infer<typeof userApplication>;

/** Whether the provisioning logs could be read, and if not, exactly what is missing and who can grant it. */
export const logAvailability = z.union([
  z.object({ available: z.literal(true) }),
  z.object({
    available: z.literal(false),
    reason: z.enum(["permission", "license", "unavailable"]),
    message: z.string(),
    graphCode: z.string().nullable(),
  }),
]);
export type LogAvailability = z.infer<typeof logAvailability>;

/** GET /api/users/{id} — the id or userPrincipalName. */
export const userTroubleshooting = z.object({
  user: userProfileView,
  applications: z.array(userApplication),
  log: logAvailability,
  /** What was cut short or could not be read (many groups, an app whose jobs failed to load). */
  warnings: z.array(z.string()),
});
export type UserTroubleshooting = z.infer<typeof userTroubleshooting>;

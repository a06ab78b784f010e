"use client";
import { apiFetch, apiPath } from "@/components/api/api-fetch";

/** Source attributes of an Entra user the panel can change (the demo tenant accepts more). */
export const DEMO_USER_ATTRIBUTES = [
  "department",
  "jobTitle",
  "displayName",
  "mail",
  "givenName",
  "surname",
  "employeeId",
] as const;
export type DemoUserAttribute = (typeof DEMO_USER_ATTRIBUTES)[number];

/** The demo tenant's controls (404 outside demo mode). */
export const demoControls = {
  changeUser: (
    userId: string,
    changes: Partial<Record<DemoUserAttribute, string | null>> & { accountEnabled?: boolean },
  ) =>
    apiFetch<Record<string, unknown>>(apiPath("demo", "users", userId), { method: "PATCH", json: changes }),
  assign: (spId: string, principalId: string) =>
    apiFetch<unknown>(apiPath("demo", "service-principals", spId, "assignments", principalId), {
      method: "PUT",
    }),
  unassign: (spId: string, principalId: string) =>
    apiFetch<unknown>(apiPath("demo", "service-principals", spId, "assignments", principalId), {
      method: "DELETE",
    }),
  /** LDAP attributes of a user of the demo forest's AD (null removes one): what Cloud Sync reads. */
  changeOnPremisesUser: (distinguishedName: string, changes: Record<string, string | null>) =>
    apiFetch<unknown>(apiPath("demo", "on-premises", "users", distinguishedName), {
      method: "PATCH",
      json: changes,
    }),
  reset: () => apiFetch<unknown>(apiPath("demo", "reset"), { method: "POST" }),
  /** The app behind the job issues `token` (its side of a token change); nothing answers it back. */
  issueAppToken: (spId: string, jobId: string, token: string) =>
    apiFetch<unknown>(apiPath("demo", "service-principals", spId, "jobs", jobId, "target-token"), {
      method: "PUT",
      json: { token },
    }),
  /** The app issues a fresh token and the job saves it, as an admin would in two steps. */
  replaceJobToken: (spId: string, jobId: string) =>
    apiFetch<unknown>(apiPath("demo", "service-principals", spId, "jobs", jobId, "replace-token"), {
      method: "POST",
    }),
};

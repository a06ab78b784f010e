import { z } from "zod";
import { cursorField, list, page } from "./common";

// Applications with provisioning, their jobs and rules.

/** GET /api/service-principals?search=&cursor= */
export const appListQuery = z.object({ search: z.string().trim().max(200).optional(), cursor: cursorField });

export const servicePrincipalSummary = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string(),
  jobCount: z.number(),
  /** The job status codes at a glance, e.g. ["Active", "Quarantine"]. */
  jobStatuses: z.array(z.string()),
});
export type ServicePrincipalSummary = z.infer<typeof servicePrincipalSummary>;
export const appList = page(servicePrincipalSummary);

/** GET /api/service-principals/{spId} */
export const servicePrincipalDetail = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string(),
});
export type ServicePrincipalDetail = z.infer<typeof servicePrincipalDetail>;

const nullableText = z.string().nullable();

export const jobSummary = z.object({
  id: z.string(),
  templateId: z.string(),
  /** What tells this job apart from the application's others, e.g. "job 2 of 2 · SCIM → customappsso · maps User". */
  label: z.string(),
  /** From the job's schema: the directories its rules read and write and what they map; null when unreadable. */
  schema: z
    .object({
      sourceDirectoryName: nullableText,
      targetDirectoryName: nullableText,
      objectTypes: z.array(z.string()),
    })
    .nullable(),
  /** Graph's status as it came, with the fields the pages read made dependable. */
  status: z.looseObject({
    code: z.string(),
    lastExecution: z
      .object({ state: nullableText, timeBegan: nullableText, timeEnded: nullableText })
      .nullable(),
  }),
  schedule: z.object({ interval: nullableText, state: nullableText, expiration: nullableText }).nullable(),
  quarantine: z
    .object({
      reason: nullableText,
      currentBegan: nullableText,
      nextAttempt: nullableText,
      seriesCount: z.number().nullable(),
      error: z.object({ code: nullableText, message: nullableText }).nullable(),
    })
    .nullable(),
});
export type JobSummary = z.infer<typeof jobSummary>;
/** GET /api/service-principals/{spId}/jobs */
export const jobList = list(jobSummary);

export const ruleSummary = z.object({
  id: z.string(),
  name: z.string(),
  sourceDirectoryName: z.string(),
  targetDirectoryName: z.string(),
  supportsProvisionOnDemand: z.boolean(),
  /** Source object names the rule maps, e.g. ["User", "Group"] or ["user"] for Cloud Sync. */
  objectTypes: z.array(z.string()),
});
export type RuleSummary = z.infer<typeof ruleSummary>;
/** GET /api/service-principals/{spId}/jobs/{jobId}/rules */
export const ruleList = list(ruleSummary);

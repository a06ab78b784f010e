import { z } from "zod";

// The demo tenant's controls, reached through /api/demo/… in demo mode only (404 in Entra mode).

/**
 * One user of the demo forest's Active Directory. A real console cannot list Active Directory (it
 * lives on premises, and Graph does not serve it); the demo tenant can, so a demo picks a user by name.
 */
export const onPremisesUserMatch = z.object({
  distinguishedName: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string().nullable(),
  sAMAccountName: z.string().nullable(),
  /** Already synced: an Entra ID user has this distinguished name. */
  inEntra: z.boolean(),
});
export type OnPremisesUserMatch = z.infer<typeof onPremisesUserMatch>;

/** GET /api/demo/on-premises/users?search= → at most 20 users whose name, account, UPN or DN contains every word. */
export const onPremisesUserSearch = z.object({ value: z.array(onPremisesUserMatch) });
export type OnPremisesUserSearch = z.infer<typeof onPremisesUserSearch>;

/** What a run of a demo story shows on the provision page (the guided demo's promise, checkable). */
export const demoScenarioOutcome = z.object({
  outcome: z.enum(["Success", "Skipped", "Failure"]),
  action: z.string().nullable(),
  reason: z.string().nullable(),
});

/**
 * One story of the guided demo: its cast and app by name, what the audience will see, and the
 * provision page it opens (ids for the link only; the panel never shows them).
 */
export const demoScenario = z.object({
  id: z.string(),
  title: z.string(),
  story: z.string(),
  cast: z.array(z.string()),
  applicationName: z.string(),
  promise: z.string(),
  nextSteps: z.array(z.string()),
  expected: demoScenarioOutcome,
  open: z.object({
    servicePrincipalId: z.string(),
    jobId: z.string(),
    ruleId: z.string(),
    kind: z.enum(["user", "group", "onPremisesUser"]),
    userId: z.string().nullable(),
    groupId: z.string().nullable(),
    memberIds: z.array(z.string()),
    distinguishedName: z.string().nullable(),
  }),
});
export type DemoScenario = z.infer<typeof demoScenario>;

/** GET /api/demo/scenarios → the stories, in the order a demo tells them. */
export const demoScenarioList = z.object({ value: z.array(demoScenario) });
export type DemoScenarioList = z.infer<typeof demoScenarioList>;

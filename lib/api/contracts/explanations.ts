import { z } from "zod";
import { list } from "./common";

// Why a run came out as it did: the members of a group run, the mapping behind each value, the
// scope decision, and the expression lab.

/** One member sent with a group run, as the directory and the history know it now. */
export const runMember = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  /** False when the directory has no user with this id (any more). */
  found: z.boolean(),
  /** The newest run of this member on its own on the same job, if there is one. */
  latestRun: z
    .object({
      id: z.string(),
      createdAt: z.string(),
      outcome: z.string().nullable(),
      action: z.string().nullable(),
    })
    .nullable(),
});
export type RunMember = z.infer<typeof runMember>;
/** GET /api/runs/{id}/members */
export const runMembers = list(runMember);
export type RunMembers = z.infer<typeof runMembers>;

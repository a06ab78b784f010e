import { z } from "zod";
import { list } from "./common";

// Users, groups and members to pick.

/** ?search= of the directory pickers: optional, trimmed, bounded. */
export const directorySearchQuery = z.object({ search: z.string().trim().max(200).default("") });

/** The id in /api/directory/users/{id} and /groups/{id}: opaque, trimmed, bounded, no control characters. */
export const directoryObjectParams = z.object({
  id: z
    .string()
    .trim()
    .min(1, "is required")
    .max(400, "is longer than any directory object id")
    .refine((id) => ![...id].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), {
      message: "contains a control character",
    }),
});

export const directoryUserSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  mail: z.string().nullable(),
  /** Set when the user is in the recycle bin (only a look-up by id finds one; the search serves live users). */
  deletedDateTime: z.string().nullable(),
});
export type DirectoryUserSummary = z.infer<typeof directoryUserSummary>;
/** GET /api/directory/users?search= */
export const directoryUserList = list(directoryUserSummary);

/**
 * GET /api/directory/users/{id}: one user, also when it is in the recycle bin (deletedDateTime set,
 * as provisioning still acts on it); 404 when Entra has neither.
 */
export const directoryUserDetail = directoryUserSummary;

export const directoryGroupSummary = z.object({ id: z.string(), displayName: z.string() });
export type DirectoryGroupSummary = z.infer<typeof directoryGroupSummary>;
/** GET /api/directory/groups/{id}; 404 when Entra has no such group. */
export const directoryGroupDetail = directoryGroupSummary;
/** GET /api/directory/groups?search= */
export const directoryGroupList = list(directoryGroupSummary);

export const groupMemberSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
});
export type GroupMemberSummary = z.infer<typeof groupMemberSummary>;
/** GET /api/directory/groups/{groupId}/members?search= */
export const groupMemberList = list(groupMemberSummary);

import { z } from "zod";
import { list } from "./common";

// Users, groups and members to pick.

/** ?search= of the directory pickers: optional, trimmed, bounded. */
export const directorySearchQuery = z.object({ search: z.string().trim().max(200).default("") });

export const directoryUserSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  mail: z.string().nullable(),
});
export type DirectoryUserSummary = z.infer<typeof directoryUserSummary>;
/** GET /api/directory/users?search= */
export const directoryUserList = list(directoryUserSummary);

export const directoryGroupSummary = z.object({ id: z.string(), displayName: z.string() });
export type DirectoryGroupSummary = z.infer<typeof directoryGroupSummary>;
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

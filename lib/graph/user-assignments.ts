import "server-only";
import { isGraphError } from "./graph-error";
import type { GraphReader } from "./graph-reader";
import {
  appRoleAssignmentSchema,
  membershipSchema,
  userProfileSchema,
  type AppRoleAssignment,
  type Membership,
  type UserProfile,
} from "./graph-schemas";
import { graphPath } from "./graph-transport";
import { requireId, topOf } from "./query-input";

const PROFILE_SELECT = [
  "id",
  "displayName",
  "userPrincipalName",
  "mail",
  "accountEnabled",
  "department",
  "jobTitle",
  "userType",
  "createdDateTime",
  "deletedDateTime",
  "onPremisesSyncEnabled",
  "onPremisesDistinguishedName",
  "onPremisesSamAccountName",
].join(",");
const ASSIGNMENT_SELECT =
  "id,appRoleId,principalId,principalType,principalDisplayName,resourceId,resourceDisplayName,createdDateTime";
const GROUP_TYPE = "#microsoft.graph.group";
/** More than any one user is assigned or belongs to in practice; a list cut there says so. */
const MAX_ITEMS = 2_000;

export interface ReadList<T> {
  items: T[];
  truncated: boolean;
}

/** A user where the user page needs them: in the directory, or in its recycle bin when soft-deleted. */
export function createUserAssignments(reader: GraphReader) {
  return {
    /** The user by object id or userPrincipalName; a soft-deleted one from /directory/deletedItems; null if neither. */
    async findUserProfile(idOrUpn: string, signal?: AbortSignal): Promise<UserProfile | null> {
      const id = requireId(idOrUpn, "user id or userPrincipalName");
      // The recycle bin takes object ids only: a userPrincipalName there is a 400, not a 404.
      const read = (path: string, missing: number[]) =>
        reader
          .one(userProfileSchema, `user ${id}`, path, { query: { $select: PROFILE_SELECT }, signal })
          .catch((error: unknown) => {
            if (isGraphError(error) && missing.includes(error.status)) return null;
            throw error;
          });
      return (
        (await read(graphPath("users", id), [404])) ??
        (await read(graphPath("directory", "deletedItems", id), [400, 404]))
      );
    },

    /** Soft-deleted users whose display name or userPrincipalName starts with `text`. */
    async searchDeletedUsers(
      text: string,
      options: { top?: number; signal?: AbortSignal } = {},
    ): Promise<UserProfile[]> {
      const term = text.trim().replaceAll("'", "''");
      if (term === "") return [];
      const page = await reader.page(
        userProfileSchema,
        "the deleted users",
        graphPath("directory", "deletedItems", "microsoft.graph.user"),
        {
          query: {
            $filter: `startswith(displayName,'${term}') or startswith(userPrincipalName,'${term}')`,
            $select: PROFILE_SELECT,
            $top: topOf(options.top, 10),
          },
          signal: options.signal,
        },
      );
      return page.items;
    },

    /** App roles assigned to a user or a group (not through its groups). */
    async listAppRoleAssignments(
      principal: { kind: "user" | "group"; id: string },
      signal?: AbortSignal,
    ): Promise<ReadList<AppRoleAssignment>> {
      const id = requireId(principal.id, `${principal.kind} id`);
      return reader.all(
        appRoleAssignmentSchema,
        `the app roles of ${principal.kind} ${id}`,
        graphPath(principal.kind === "user" ? "users" : "groups", id, "appRoleAssignments"),
        { query: { $select: ASSIGNMENT_SELECT, $top: 999 }, signal, maxItems: MAX_ITEMS },
      );
    },

    /** The groups a user belongs to, directly or through other groups. */
    async listTransitiveGroups(userId: string, signal?: AbortSignal): Promise<ReadList<Membership>> {
      const id = requireId(userId, "user id");
      const found = await reader.all(
        membershipSchema,
        `the groups of user ${id}`,
        graphPath("users", id, "transitiveMemberOf"),
        { query: { $select: "id,displayName", $top: 999 }, signal, maxItems: MAX_ITEMS },
      );
      return {
        items: found.items.filter((m) => m["@odata.type"] === undefined || m["@odata.type"] === GROUP_TYPE),
        truncated: found.truncated,
      };
    },
  };
}

import "server-only";
import { GraphError, isGraphError } from "./graph-error";
import type { GraphReader } from "./graph-reader";
import {
  deletedUserSchema,
  groupSchema,
  memberSchema,
  userSchema,
  type DeletedDirectoryUser,
  type DirectoryGroup,
  type DirectoryUser,
  type GroupMember,
} from "./graph-schemas";
import { graphPath } from "./graph-transport";
import { requireId, searchClauses, topOf } from "./query-input";

const USER_SELECT = "id,displayName,userPrincipalName,mail";
const GROUP_SELECT = "id,displayName";
const MEMBER_SELECT = "id,displayName,userPrincipalName";
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_TYPE = "#microsoft.graph.user";

export interface Found<T> {
  items: T[];
  /** More matched than were returned. */
  truncated: boolean;
}

export interface SearchOptions {
  top?: number;
  signal?: AbortSignal;
}

export interface MemberListOptions extends SearchOptions {
  search?: string;
  /** Read further pages until `top` members are found (or `maxItems`, when given). */
  followPages?: boolean;
  maxItems?: number;
}

const isNotFound = (error: unknown) => isGraphError(error) && error.status === 404;

/** Users, groups and group members, as the subject pickers need them. */
export function createDirectory(reader: GraphReader) {
  async function getUser(idOrUpn: string, signal?: AbortSignal): Promise<DirectoryUser> {
    const id = requireId(idOrUpn, "user id or userPrincipalName");
    return reader.one(userSchema, `user ${id}`, graphPath("users", id), {
      query: { $select: USER_SELECT },
      signal,
    });
  }

  /** A soft-deleted user from the recycle bin (Graph's /users does not serve them); 404 when there is none. */
  async function getDeletedUser(userId: string, signal?: AbortSignal): Promise<DeletedDirectoryUser> {
    const id = requireId(userId, "user id");
    const entry = await reader.one(
      deletedUserSchema,
      `deleted item ${id}`,
      graphPath("directory", "deletedItems", id),
      { query: { $select: `${USER_SELECT},deletedDateTime` }, signal },
    );
    // The recycle bin also holds groups and applications; only a user answers for a user id.
    if (entry["@odata.type"] !== undefined && entry["@odata.type"] !== USER_TYPE)
      throw new GraphError({
        status: 404,
        code: "Request_ResourceNotFound",
        message: `The deleted item ${id} is a ${entry["@odata.type"]}, not a user.`,
      });
    return entry;
  }

  async function getGroup(groupId: string, signal?: AbortSignal): Promise<DirectoryGroup> {
    const id = requireId(groupId, "group id");
    return reader.one(groupSchema, `group ${id}`, graphPath("groups", id), {
      query: { $select: GROUP_SELECT },
      signal,
    });
  }

  /** An object id is looked up directly; an unknown one finds nothing rather than failing. */
  async function byId<T>(get: () => Promise<T>): Promise<Found<T>> {
    try {
      return { items: [await get()], truncated: false };
    } catch (error) {
      if (isNotFound(error)) return { items: [], truncated: false };
      throw error;
    }
  }

  async function search<T>(
    schema: typeof userSchema | typeof groupSchema,
    what: string,
    path: string,
    select: string,
    properties: string[],
    text: string,
    options: SearchOptions,
  ): Promise<Found<T>> {
    const term = text.trim();
    const top = topOf(options.top, 25);
    const query =
      term === ""
        ? { $select: select, $top: top }
        : { $search: searchClauses(properties, term), $select: select, $top: top };
    const page = await reader.page(schema, what, path, {
      query,
      eventual: term !== "",
      signal: options.signal,
    });
    return { items: page.items as T[], truncated: page.nextLink !== null };
  }

  return {
    getUser,
    getDeletedUser,
    getGroup,

    /** Users whose name, userPrincipalName or mail starts a word with `text`; an object id is fetched directly. */
    async searchUsers(text: string, options: SearchOptions = {}): Promise<Found<DirectoryUser>> {
      if (OBJECT_ID.test(text.trim())) return byId(() => getUser(text.trim(), options.signal));
      return search<DirectoryUser>(
        userSchema,
        "the user search",
        "/users",
        USER_SELECT,
        ["displayName", "userPrincipalName", "mail"],
        text,
        options,
      );
    },

    /** The user with exactly this userPrincipalName, or null. */
    async findUserByPrincipalName(upn: string, signal?: AbortSignal): Promise<DirectoryUser | null> {
      const found = await byId(() => getUser(upn, signal));
      return found.items[0] ?? null;
    },

    async searchGroups(text: string, options: SearchOptions = {}): Promise<Found<DirectoryGroup>> {
      if (OBJECT_ID.test(text.trim())) return byId(() => getGroup(text.trim(), options.signal));
      return search<DirectoryGroup>(
        groupSchema,
        "the group search",
        "/groups",
        GROUP_SELECT,
        ["displayName"],
        text,
        options,
      );
    },

    /** The group's user members (other directory objects are left out), optionally searched. */
    async listGroupMembers(groupId: string, options: MemberListOptions = {}): Promise<Found<GroupMember>> {
      const id = requireId(groupId, "group id");
      const top = topOf(options.top, 25);
      const term = options.search?.trim() ?? "";
      const query = {
        $select: MEMBER_SELECT,
        $top: top,
        ...(term === "" ? {} : { $search: searchClauses(["displayName", "userPrincipalName"], term) }),
      };
      const read = { query, eventual: term !== "", signal: options.signal };
      const path = graphPath("groups", id, "members");
      const found = options.followPages
        ? await reader.all(memberSchema, `the members of group ${id}`, path, {
            ...read,
            maxItems: options.maxItems ?? top,
          })
        : await reader
            .page(memberSchema, `the members of group ${id}`, path, read)
            .then((p) => ({ items: p.items, truncated: p.nextLink !== null }));
      return {
        items: found.items.filter((m) => m["@odata.type"] === undefined || m["@odata.type"] === USER_TYPE),
        truncated: found.truncated,
      };
    },
  };
}

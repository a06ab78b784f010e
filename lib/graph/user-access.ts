import "server-only";
import { z } from "zod";
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

// A user as provisioning sees them, from Graph: who they are (in the directory or its recycle bin),
// their attributes under the names the provisioning schema uses, the groups they belong to, and the
// app role assignments of them, their groups and an application. The user page and the scope
// explanation read the same facts through these.

/** A source attribute's value in the expression language: booleans as "True"/"False". */
export type SourceValue = string | string[] | null;

/** The provisioning schema's names of Entra user attributes that Graph's user resource serves, lower-cased. */
const GRAPH_PROPERTY: Readonly<Record<string, string>> = {
  objectid: "id",
  accountenabled: "accountEnabled",
  displayname: "displayName",
  givenname: "givenName",
  surname: "surname",
  mail: "mail",
  mailnickname: "mailNickname",
  userprincipalname: "userPrincipalName",
  department: "department",
  jobtitle: "jobTitle",
  employeeid: "employeeId",
  companyname: "companyName",
  city: "city",
  country: "country",
  postalcode: "postalCode",
  streetaddress: "streetAddress",
  preferredlanguage: "preferredLanguage",
  usagelocation: "usageLocation",
  usertype: "userType",
  physicaldeliveryofficename: "officeLocation",
  officelocation: "officeLocation",
  mobile: "mobilePhone",
  mobilephone: "mobilePhone",
  telephonenumber: "businessPhones",
  businessphones: "businessPhones",
  onpremisesdistinguishedname: "onPremisesDistinguishedName",
  onpremisessamaccountname: "onPremisesSamAccountName",
  onpremisesuserprincipalname: "onPremisesUserPrincipalName",
  onpremisessecurityidentifier: "onPremisesSecurityIdentifier",
  onpremisesimmutableid: "onPremisesImmutableId",
};

function valueOf(attribute: string, raw: unknown): SourceValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "boolean") return raw ? "True" : "False";
  if (Array.isArray(raw)) {
    const items = raw.filter((item): item is string => typeof item === "string");
    // The schema's telephoneNumber is one value: Graph's first business phone.
    return attribute.toLowerCase() === "telephonenumber" ? (items[0] ?? null) : items;
  }
  return typeof raw === "string" ? raw : String(raw);
}

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

/** Direct groups count for provisioning's assignment check; transitive ones show how a user reaches an app. */
export type GroupReach = "direct" | "transitive";

export function createUserAccess(reader: GraphReader) {
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

    /**
     * The user's values of the named source attributes that Graph's user resource has, read now.
     * `unreadable` lists the names Graph does not serve under that name (extension attributes, manager…).
     */
    async readSourceAttributes(
      userId: string,
      attributes: readonly string[],
      signal?: AbortSignal,
    ): Promise<{ values: Record<string, SourceValue>; unreadable: string[] }> {
      const id = requireId(userId, "user id");
      const unreadable: string[] = [];
      const select = new Set(["id", "accountEnabled"]);
      for (const attribute of attributes) {
        const property = GRAPH_PROPERTY[attribute.toLowerCase()];
        if (property) select.add(property);
        else if (attribute.toLowerCase() !== "issoftdeleted") unreadable.push(attribute);
      }
      const user = await reader.one(z.looseObject({ id: z.string() }), `user ${id}`, graphPath("users", id), {
        query: { $select: [...select].join(",") },
        signal,
      });
      const values: Record<string, SourceValue> = {};
      for (const attribute of attributes) {
        const property = GRAPH_PROPERTY[attribute.toLowerCase()];
        // /users/{id} never serves a user in the deleted items.
        if (attribute.toLowerCase() === "issoftdeleted") values[attribute] = "False";
        else if (property)
          values[attribute] = valueOf(attribute, (user as Record<string, unknown>)[property]);
      }
      return { values, unreadable };
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

    /** Who is assigned to the application: its users and groups, up to `maxItems`. */
    async listAppAssignments(
      spId: string,
      signal?: AbortSignal,
      maxItems = 5000,
    ): Promise<ReadList<AppRoleAssignment>> {
      const id = requireId(spId, "service principal id");
      return reader.all(
        appRoleAssignmentSchema,
        `the assignments of service principal ${id}`,
        graphPath("servicePrincipals", id, "appRoleAssignedTo"),
        { query: { $select: ASSIGNMENT_SELECT, $top: 999 }, signal, maxItems },
      );
    },

    /** The groups a user is a member of: directly (what provisioning's assignment check counts), or also through other groups. */
    async listGroupsOf(
      userId: string,
      reach: GroupReach,
      signal?: AbortSignal,
    ): Promise<ReadList<Membership>> {
      const id = requireId(userId, "user id");
      const found = await reader.all(
        membershipSchema,
        `the groups of user ${id}`,
        graphPath("users", id, reach === "direct" ? "memberOf" : "transitiveMemberOf"),
        { query: { $select: "id,displayName", $top: 999 }, signal, maxItems: MAX_ITEMS },
      );
      return {
        items: found.items.filter((m) => m["@odata.type"] === undefined || m["@odata.type"] === GROUP_TYPE),
        truncated: found.truncated,
      };
    },
  };
}

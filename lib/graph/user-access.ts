import "server-only";
import { z } from "zod";
import type { GraphReader } from "./graph-reader";
import { graphPath } from "./graph-transport";
import { requireId } from "./query-input";

// What decides whether a user is in an application's scope, as Graph tells it: the user's
// attributes under the names the provisioning schema uses, their direct groups, and the app's
// assignments.

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

const directoryObject = z.looseObject({
  "@odata.type": z.string().optional(),
  id: z.string().min(1),
  displayName: z.string().nullish(),
});

const assignmentSchema = z.looseObject({
  id: z.string().nullish(),
  appRoleId: z.string().nullish(),
  principalId: z.string().nullish(),
  principalType: z.string().nullish(),
  principalDisplayName: z.string().nullish(),
  resourceId: z.string().nullish(),
});
export type AppRoleAssignmentFacts = z.infer<typeof assignmentSchema>;

const GROUP_TYPE = "#microsoft.graph.group";

export function createUserAccess(reader: GraphReader) {
  return {
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

    /** The groups the user is a direct member of (nested membership does not count for provisioning). */
    async listDirectGroups(
      userId: string,
      signal?: AbortSignal,
    ): Promise<{ items: { id: string; displayName: string | null }[]; truncated: boolean }> {
      const id = requireId(userId, "user id");
      const found = await reader.all(
        directoryObject,
        `the groups of user ${id}`,
        graphPath("users", id, "memberOf"),
        {
          query: { $select: "id,displayName" },
          signal,
          maxItems: 999,
        },
      );
      return {
        items: found.items
          .filter((item) => item["@odata.type"] === undefined || item["@odata.type"] === GROUP_TYPE)
          .map((item) => ({ id: item.id, displayName: item.displayName ?? null })),
        truncated: found.truncated,
      };
    },

    /** The user's own app role assignments (those through groups are the groups'). */
    async listUserAssignments(userId: string, signal?: AbortSignal): Promise<AppRoleAssignmentFacts[]> {
      const id = requireId(userId, "user id");
      return (
        await reader.all(
          assignmentSchema,
          `the app role assignments of user ${id}`,
          graphPath("users", id, "appRoleAssignments"),
          {
            signal,
            maxItems: 999,
          },
        )
      ).items;
    },

    /** Who is assigned to the application: its users and groups, up to `maxItems`. */
    async listAppAssignments(
      spId: string,
      signal?: AbortSignal,
      maxItems = 5000,
    ): Promise<{ items: AppRoleAssignmentFacts[]; truncated: boolean }> {
      const id = requireId(spId, "service principal id");
      return reader.all(
        assignmentSchema,
        `the assignments of service principal ${id}`,
        graphPath("servicePrincipals", id, "appRoleAssignedTo"),
        { signal, maxItems },
      );
    },
  };
}

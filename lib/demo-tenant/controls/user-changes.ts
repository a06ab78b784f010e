import "server-only";
import { z } from "zod";
import type { DirectoryUser, OnPremisesUser, TenantState } from "../model";
import { badRequest, resourceNotFound } from "../graph/graph-error";

// Entra keeps most user attributes to 256 characters or fewer; a demo change may not go beyond it.
const MAX_TEXT = 256;
const text = z.string().trim().min(1).max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);
const optionalText = text.nullable();

/** Source attributes a demo may change on an Entra user; anything else is refused by name. */
export const userChangesSchema = z
  .object({
    displayName: text,
    givenName: optionalText,
    surname: optionalText,
    userPrincipalName: z
      .string()
      .max(113, "must be at most 113 characters")
      .regex(/^[^@\s]+@[^@\s]+$/, "must look like alias@domain"),
    mail: z.email().max(MAX_TEXT).nullable(),
    mailNickname: text,
    department: optionalText,
    jobTitle: optionalText,
    employeeId: optionalText,
    companyName: optionalText,
    officeLocation: optionalText,
    city: optionalText,
    country: optionalText,
    postalCode: optionalText,
    streetAddress: z.string().trim().min(1).max(1024, "must be at most 1,024 characters").nullable(),
    mobilePhone: optionalText,
    businessPhones: z.array(text).max(5, "holds at most 5 numbers"),
    preferredLanguage: optionalText,
    usageLocation: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be a two-letter country code")
      .nullable(),
    managerId: optionalText,
    accountEnabled: z.boolean(),
    userType: z.enum(["Member", "Guest"]),
    /** An ISO timestamp soft-deletes the user; null restores it. */
    deletedDateTime: z.iso.datetime().nullable(),
  })
  .partial()
  .strict();

/** An LDAP attribute value a demo may set: Active Directory's longest common ones (description) hold 1,024 characters. */
const MAX_LDAP_VALUE = 1024;

export const onPremisesChangesSchema = z
  .record(
    z
      .string()
      .max(64)
      .regex(/^[A-Za-z][\w-]*$/, "is not an LDAP attribute name"),
    z.string().max(MAX_LDAP_VALUE, `must be at most ${MAX_LDAP_VALUE} characters`).nullable(),
  )
  .refine((changes) => Object.keys(changes).length <= 50, "changes at most 50 attributes at once");

/** Names the first problem the way a person fixing the request needs it: field and reason. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request body is not valid.";
  if (issue.code === "unrecognized_keys")
    return `Unknown field '${issue.keys.join("', '")}'; it cannot be changed through the demo controls.`;
  const field = issue.path.map(String).join(".");
  return field
    ? `Invalid field '${field}': ${issue.message}.`
    : `The request body is not valid: ${issue.message}.`;
}

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw badRequest("The request body must be a JSON object of the attributes to change.");
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badRequest(describeIssue(parsed.error));
  return parsed.data;
}

/** Applies changes to an Entra user (soft-deleted ones included, so they can be restored). */
export function changeUser(tenant: TenantState, id: string, body: unknown): DirectoryUser {
  const user =
    tenant.users.get(id) ??
    [...tenant.users.values()].find((u) => u.userPrincipalName.toLowerCase() === id.toLowerCase());
  if (!user) throw resourceNotFound(id);
  const changes = parseOrThrow(userChangesSchema, body);
  if (changes.managerId && !tenant.users.has(changes.managerId))
    throw badRequest(`Invalid field 'managerId': no user has the id '${changes.managerId}'.`);
  if (changes.managerId === user.id)
    throw badRequest("Invalid field 'managerId': a user cannot be their own manager.");
  // A new object, so anything keyed on the old one (search keys) cannot serve stale values.
  const updated: DirectoryUser = { ...user, ...changes };
  tenant.users.set(user.id, updated);
  return updated;
}

/** Applies LDAP attribute changes to an on-premises user (null removes the attribute). */
export function changeOnPremisesUser(
  tenant: TenantState,
  distinguishedName: string,
  body: unknown,
): OnPremisesUser {
  const key = distinguishedName.toLowerCase();
  const user = tenant.onPremises.users.get(key);
  if (!user) throw resourceNotFound(distinguishedName);
  const changes = parseOrThrow(onPremisesChangesSchema, body);
  for (const name of Object.keys(changes))
    if (name.toLowerCase() === "distinguishedname" || name.toLowerCase() === "objectguid")
      throw badRequest(`Invalid field '${name}': it identifies the user and cannot be changed.`);
  const attributes = { ...user.attributes };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete attributes[name];
    else attributes[name] = value;
  }
  const updated = { ...user, attributes };
  tenant.onPremises.users.set(key, updated);
  return updated;
}

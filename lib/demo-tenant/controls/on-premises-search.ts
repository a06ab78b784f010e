import "server-only";
import type { TenantState } from "../model";
import { badRequest } from "../graph/graph-error";

/** Most users one search answers. */
const MOST = 20;
const LONGEST_SEARCH = 200;

export interface OnPremisesUserMatch {
  distinguishedName: string;
  displayName: string;
  userPrincipalName: string | null;
  sAMAccountName: string | null;
  /** Already synced: an Entra ID user has this distinguished name as onPremisesDistinguishedName. */
  inEntra: boolean;
}

/**
 * `GET /demo/on-premises/users?search=`: the demo forest's users whose name, account name, UPN or
 * distinguished name contains every word searched, by display name. A real console cannot list
 * Active Directory (it lives on premises); the demo tenant can, so a demo can pick a user by name.
 */
export function searchOnPremisesUsers(tenant: TenantState, search: string): { value: OnPremisesUserMatch[] } {
  if (search.length > LONGEST_SEARCH)
    throw badRequest(`Invalid query 'search': at most ${LONGEST_SEARCH} characters.`);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const synced = new Set(
    [...tenant.users.values()]
      .map((user) => user.onPremisesDistinguishedName?.toLowerCase())
      .filter((dn): dn is string => Boolean(dn)),
  );
  const value: OnPremisesUserMatch[] = [];
  for (const { distinguishedName, attributes } of tenant.onPremises.users.values()) {
    const haystack = [
      attributes.displayName,
      attributes.sAMAccountName,
      attributes.userPrincipalName,
      distinguishedName,
    ]
      .filter(Boolean)
      .join("\n")
      .toLowerCase();
    if (!words.every((word) => haystack.includes(word))) continue;
    value.push({
      distinguishedName,
      displayName: attributes.displayName ?? attributes.cn ?? distinguishedName,
      userPrincipalName: attributes.userPrincipalName ?? null,
      sAMAccountName: attributes.sAMAccountName ?? null,
      inEntra: synced.has(distinguishedName.toLowerCase()),
    });
  }
  value.sort(
    (a, b) =>
      a.displayName.localeCompare(b.displayName) || a.distinguishedName.localeCompare(b.distinguishedName),
  );
  return { value: value.slice(0, MOST) };
}

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

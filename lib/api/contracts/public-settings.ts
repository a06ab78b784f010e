import { z } from "zod";

/** What the browser needs to sign in to Entra mode. All of it is public: no secret ever goes here. */
export const browserAuthConfig = z.object({
  /** The console's application (client) id. */
  clientId: z.string(),
  /** `{authority host}/{tenant id}` */
  authority: z.string(),
  /** The authority's host[:port], trusted by MSAL without instance discovery. */
  knownAuthority: z.string(),
  /** The console API scope every /api token is requested for, e.g. `api://{client id}/access_as_user`. */
  apiScope: z.string(),
});
export type BrowserAuthConfig = z.infer<typeof browserAuthConfig>;

/** The server's settings the pages may know, given by the root layout: the one place the browser learns the mode. */
export const publicSettings = z.object({
  mode: z.enum(["demo", "entra"]),
  /** Microsoft Graph's origin in the console's cloud (for the request scripts a run shows). */
  graphEndpoint: z.string(),
  /** Entra mode's sign-in settings; null in demo mode. */
  auth: browserAuthConfig.nullable(),
});
export type PublicSettings = z.infer<typeof publicSettings>;

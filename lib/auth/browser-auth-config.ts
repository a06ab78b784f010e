import "server-only";
import type { Env } from "@/lib/env";
import { entraSettings } from "./entra-settings";

/** What the browser needs to sign in to Entra mode. All of it is public: no secret ever goes here. */
export interface BrowserAuthConfig {
  /** The console's application (client) id. */
  clientId: string;
  /** `{authority host}/{tenant id}` */
  authority: string;
  /** The authority's host[:port], trusted by MSAL without instance discovery. */
  knownAuthority: string;
  /** The console API scope every /api token is requested for, e.g. `api://{client id}/access_as_user`. */
  apiScope: string;
}

/** The public sign-in settings the layout hands to the browser; null in demo mode. */
export function browserAuthConfig(settings: Env): BrowserAuthConfig | null {
  const entra = entraSettings(settings);
  if (!entra) return null;
  // entraSettings lists the resource named by the API scope last among the audiences it accepts.
  const resource = entra.consoleToken.audiences.at(-1) ?? `api://${entra.clientId}`;
  return {
    clientId: entra.clientId,
    authority: entra.authority,
    knownAuthority: new URL(entra.authorityHost).host,
    apiScope: `${resource}/${entra.consoleToken.scopeName ?? "access_as_user"}`,
  };
}

import "server-only";
import { entraSettings } from "@/lib/auth/entra-settings";
import type { Env } from "@/lib/env";
import type { BrowserAuthConfig } from "./browser-auth";

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

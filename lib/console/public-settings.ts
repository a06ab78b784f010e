import "server-only";
import type { BrowserAuthConfig, PublicSettings } from "@/lib/api/contracts";
import { entraSettings, graphEndpointOf } from "@/lib/auth";
import type { Env } from "@/lib/env";

/** The settings the root layout hands to the browser: mode, Graph's origin, public sign-in settings. */
export function publicSettingsOf(settings: Env): PublicSettings {
  return { mode: settings.mode, graphEndpoint: graphEndpointOf(settings), auth: browserAuthConfig(settings) };
}

function browserAuthConfig(settings: Env): BrowserAuthConfig | null {
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

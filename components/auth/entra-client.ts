"use client";
import {
  CacheLookupPolicy,
  EventType,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type EventMessage,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { BrowserAuthConfig } from "@/lib/api/contracts";
import type { SignedInAccount } from "./console-session";

/** The SPA client: redirect sign-in back to the console's origin, tokens kept per browser tab. */
export function createEntraClient(config: BrowserAuthConfig): IPublicClientApplication {
  const origin = window.location.origin;
  const client = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: [config.knownAuthority],
      redirectUri: `${origin}/`,
      postLogoutRedirectUri: `${origin}/`,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  client.addEventCallback((message: EventMessage) => {
    if (
      message.eventType === EventType.LOGIN_SUCCESS ||
      message.eventType === EventType.ACQUIRE_TOKEN_SUCCESS
    ) {
      const account = (message.payload as AuthenticationResult | null)?.account;
      if (account) client.setActiveAccount(account);
    }
  });
  return client;
}

export function signedInAccount(client: IPublicClientApplication): AccountInfo | null {
  return client.getActiveAccount() ?? client.getAllAccounts()[0] ?? null;
}

/** The ID token's name, UPN and console roles. */
export function describeAccount(account: AccountInfo): SignedInAccount {
  const roles = account.idTokenClaims?.roles;
  return {
    name: account.name ?? account.username,
    username: account.username,
    roles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === "string") : [],
  };
}

/** Redirect sign-in for the console API only; MSAL brings the browser back to the page it left. */
export function signIn(client: IPublicClientApplication, config: BrowserAuthConfig): Promise<void> {
  return client.loginRedirect({ scopes: [config.apiScope], redirectStartPage: window.location.href });
}

export function signOut(client: IPublicClientApplication, account: AccountInfo): Promise<void> {
  return client.logoutRedirect({ account, postLogoutRedirectUri: `${window.location.origin}/` });
}

/**
 * A console API token for the signed-in user, from MSAL's cache or refreshed silently; when Entra
 * needs the user again, the browser goes to sign in and comes back to this page.
 */
export async function consoleApiToken(
  client: IPublicClientApplication,
  config: BrowserAuthConfig,
  options: { fresh?: boolean } = {},
): Promise<string> {
  const account = signedInAccount(client);
  if (!account) throw new Error("Sign in to use the console.");
  try {
    // Cache or refresh token only: the page's CSP keeps the authority out of frames, so MSAL's
    // hidden-iframe renewal could only time out.
    const result = await client.acquireTokenSilent({
      scopes: [config.apiScope],
      account,
      // Fresh: the console refused the cached token as expired (the clocks disagree): redeem the refresh token.
      cacheLookupPolicy: options.fresh
        ? CacheLookupPolicy.RefreshToken
        : CacheLookupPolicy.AccessTokenAndRefreshToken,
    });
    return result.accessToken;
  } catch (error) {
    if (!(error instanceof InteractionRequiredAuthError)) throw error;
    // Several calls fail together; only the first sends the browser to sign in.
    if (!leavingToSignIn) {
      leavingToSignIn = true;
      await client.acquireTokenRedirect({
        scopes: [config.apiScope],
        account,
        redirectStartPage: window.location.href,
      });
    }
    return new Promise<never>(() => {}); // the page is leaving for the sign-in page
  }
}

let leavingToSignIn = false;

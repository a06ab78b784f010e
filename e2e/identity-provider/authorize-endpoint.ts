import { EntraError } from "./entra-error";
import { escapeHtml, formFields, htmlReply, redirectReply, type Call, type Reply } from "./exchange";
import type { AuthorizationRequest, GrantStore, ResponseMode } from "./grant-store";
import { parseScopes } from "./scopes";
import type { ProviderSettings, TestUser } from "./settings";
import { clientInfo } from "./token-minter";

export interface AuthorizeContext {
  settings: ProviderSettings;
  grants: GrantStore;
}

export const SESSION_COOKIE = "test_idp_session";

/**
 * GET /{tenant}/oauth2/v2.0/authorize: checks the request as Entra does, then shows the sign-in
 * page (or, for prompt=none, answers at once from the browser session).
 */
export function authorizeRequest(call: Call, context: AuthorizeContext): Reply {
  const { settings, grants } = context;
  const query = call.url.searchParams;
  const clientId = (query.get("client_id") ?? "").toLowerCase();
  if (clientId !== settings.consoleClientId) {
    return errorPage(
      `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${settings.tenantId}'.`,
    );
  }
  const redirectUri = query.get("redirect_uri") ?? "";
  if (!isLoopbackUrl(redirectUri)) {
    return errorPage(
      `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
    );
  }
  const responseMode = (query.get("response_mode") ?? "query") as ResponseMode;
  const state = query.get("state") ?? undefined;
  const refuse = (error: string, description: string) =>
    responseRedirect(
      redirectUri,
      ["query", "fragment", "form_post"].includes(responseMode) ? responseMode : "query",
      {
        error,
        error_description: description,
        ...(state !== undefined ? { state } : {}),
      },
    );

  if (!["query", "fragment", "form_post"].includes(responseMode)) {
    return refuse("invalid_request", `AADSTS900041: The response_mode '${responseMode}' is not supported.`);
  }
  if (query.get("response_type") !== "code") {
    return refuse(
      "unsupported_response_type",
      `AADSTS700054: response_type '${query.get("response_type") ?? ""}' is not enabled for the application; use 'code'.`,
    );
  }
  try {
    parseScopes(query.get("scope"), settings);
  } catch (error) {
    if (error instanceof EntraError) return refuse(error.error, error.message);
    throw error;
  }
  const codeChallenge = query.get("code_challenge");
  if (!codeChallenge || query.get("code_challenge_method") !== "S256") {
    return refuse(
      "invalid_request",
      "AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption: send code_challenge with code_challenge_method=S256.",
    );
  }
  const prompt = query.get("prompt");
  if (prompt !== null && !["none", "login", "select_account", "consent"].includes(prompt)) {
    return refuse("invalid_request", `AADSTS90023: The prompt value '${prompt}' is not supported.`);
  }
  const request: AuthorizationRequest = {
    clientId,
    redirectUri,
    responseMode,
    scope: query.get("scope") ?? "",
    codeChallenge,
    state,
    nonce: query.get("nonce") ?? undefined,
    clientInfo: query.get("client_info") === "1",
  };
  if (prompt === "none") {
    const user = grants.session(sessionId(call));
    if (!user)
      return refuse(
        "login_required",
        "AADSTS50058: A silent sign-in request was sent but no user is signed in.",
      );
    return codeRedirect(request, user, context);
  }
  return signInPage(call.url.pathname, grants.holdSignIn(request), settings.users);
}

/** POST /{tenant}/oauth2/v2.0/authorize: the sign-in page's button for one test user. */
export function signInChoice(call: Call, context: AuthorizeContext): Reply {
  const fields = formFields(call);
  const request = context.grants.takeSignIn(fields.get("request") ?? "");
  if (!request)
    return errorPage(
      "AADSTS90014: This sign-in request is unknown or was already used. Start signing in again.",
    );
  const user = context.settings.users.find((candidate) => candidate.oid === fields.get("user"));
  if (!user) return errorPage("AADSTS50034: The chosen user account does not exist in this directory.");
  const session = context.grants.startSession(user);
  return codeRedirect(request, user, context, {
    "set-cookie": `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; Secure; SameSite=None`,
  });
}

/** GET /{tenant}/oauth2/v2.0/logout: ends the browser session and returns to the app. */
export function logoutRequest(call: Call, context: AuthorizeContext): Reply {
  context.grants.endSession(sessionId(call));
  const clearCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=None; Max-Age=0`;
  const back = call.url.searchParams.get("post_logout_redirect_uri");
  if (back && isLoopbackUrl(back)) {
    const target = new URL(back);
    const state = call.url.searchParams.get("state");
    if (state) target.searchParams.set("state", state);
    return redirectReply(target.toString(), { "set-cookie": clearCookie });
  }
  return htmlReply(
    200,
    page("Signed out", "<h1>You signed out of your account</h1><p>You can close this window.</p>"),
    {
      "set-cookie": clearCookie,
    },
  );
}

function codeRedirect(
  request: AuthorizationRequest,
  user: TestUser,
  context: AuthorizeContext,
  headers: Record<string, string> = {},
): Reply {
  const code = context.grants.issueCode(request, user);
  const reply = responseRedirect(request.redirectUri, request.responseMode, {
    code,
    ...(request.clientInfo ? { client_info: clientInfo(user, context.settings.tenantId) } : {}),
    ...(request.state !== undefined ? { state: request.state } : {}),
    session_state: user.oid,
  });
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

function responseRedirect(
  redirectUri: string,
  mode: ResponseMode,
  parameters: Record<string, string>,
): Reply {
  if (mode === "form_post") {
    const inputs = Object.entries(parameters)
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join("");
    return htmlReply(
      200,
      page(
        "Working…",
        `<form method="post" action="${escapeHtml(redirectUri)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form>` +
          "<script>document.forms[0].submit()</script>",
      ),
    );
  }
  const target = new URL(redirectUri);
  const encoded = new URLSearchParams(parameters).toString();
  if (mode === "fragment") target.hash = encoded;
  else for (const [name, value] of Object.entries(parameters)) target.searchParams.set(name, value);
  return redirectReply(target.toString());
}

function signInPage(action: string, requestId: string, users: TestUser[]): Reply {
  const choices = users
    .map(
      (user) =>
        `<li><form method="post" action="${escapeHtml(action)}">` +
        `<input type="hidden" name="request" value="${escapeHtml(requestId)}">` +
        `<input type="hidden" name="user" value="${escapeHtml(user.oid)}">` +
        `<button type="submit">Sign in as ${escapeHtml(user.name)}</button> ` +
        `<span>${escapeHtml(user.preferredUsername)}${user.roles.length ? ` (${escapeHtml(user.roles.join(", "))})` : ""}</span>` +
        "</form></li>",
    )
    .join("");
  return htmlReply(
    200,
    page(
      "Sign in to your account",
      `<main><h1>Pick an account</h1><p>Test identity provider</p><ul>${choices}</ul></main>`,
    ),
  );
}

function errorPage(message: string): Reply {
  return htmlReply(
    400,
    page(
      "Sign in error",
      `<main><h1>Sorry, but we’re having trouble signing you in.</h1><p role="alert">${escapeHtml(message)}</p></main>`,
    ),
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

function sessionId(call: Call): string | undefined {
  const cookies = call.headers.cookie ?? "";
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookies);
  return match?.[1];
}

/** Any http(s) URL on 127.0.0.1 or localhost counts as registered: every test console runs there. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === "http:" || url.protocol === "https:") &&
      ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)
    );
  } catch {
    return false;
  }
}

import "server-only";
import { AuthError, InteractionRequiredAuthError, ServerError } from "@azure/msal-node";
import { ApiError, isApiError } from "@/lib/api/errors";
import { notAllowed, notAuthenticated } from "./auth-reason";

const USER_ACTION_CODES = new Set(["interaction_required", "consent_required", "login_required"]);
// AADSTS65001: the user or an administrator has not consented to the app using the resource.
const CONSENT_MISSING = /AADSTS65001\b/;
// AADSTS500133: the assertion (the caller's console token) is not within its valid time range.
const ASSERTION_EXPIRED = /AADSTS500133\b/;

/**
 * What a failed Graph token request means for the person at the console: their token expired
 * (401 token_expired, so the browser renews it), a prompt to consent or sign in again (403
 * consent_required, with any claims challenge), Entra ID unreachable (502), or the console's own
 * credential refused (503).
 */
export function graphTokenFailure(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (!(error instanceof AuthError)) {
    return new ApiError("bad_gateway", `Could not obtain a Microsoft Graph token: ${describe(error)}`);
  }
  if (ASSERTION_EXPIRED.test(error.errorMessage) || String(errorNumber(error)) === "500133") {
    return notAuthenticated(
      "token_expired",
      "Your sign-in token expired before the console could exchange it for a Microsoft Graph token; get a new one and try again.",
    );
  }
  const claims: Record<string, string> =
    error instanceof InteractionRequiredAuthError && error.claims ? { claims: error.claims } : {};
  const consentMissing = CONSENT_MISSING.test(error.errorMessage) || String(errorNumber(error)) === "65001";
  if (
    USER_ACTION_CODES.has(error.errorCode) ||
    consentMissing ||
    error instanceof InteractionRequiredAuthError
  ) {
    return notAllowed(
      "consent_required",
      consentMissing
        ? "Microsoft Graph access for the console has not been consented to. Sign in again and accept, or ask an administrator to grant admin consent."
        : "Entra ID needs you to sign in again (or complete an extra step) before the console can call Microsoft Graph for you.",
      claims,
    );
  }
  if (error.errorCode === "invalid_client" || error.errorCode === "unauthorized_client") {
    return new ApiError(
      "unavailable",
      `Entra ID refused the console's own credential (${firstLine(error.errorMessage)}). An administrator must fix the client secret or certificate.`,
    );
  }
  if (error instanceof ServerError) {
    return new ApiError(
      "bad_gateway",
      `Entra ID refused the Graph token request: ${firstLine(error.errorMessage) || error.errorCode}`,
    );
  }
  return new ApiError(
    "bad_gateway",
    `Entra ID could not be reached for a Graph token: ${error.errorMessage || error.errorCode}`,
  );
}

function errorNumber(error: AuthError): unknown {
  return (error as AuthError & { errorNo?: unknown }).errorNo;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

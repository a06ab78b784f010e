import "server-only";
import { ApiError } from "@/lib/api/errors";

/** Which check refused the caller; sent as `authReason` beside the error code so the UI can react. */
export type AuthReason =
  | "token_missing"
  | "token_malformed"
  | "token_signature_invalid"
  | "token_audience_invalid"
  | "token_issuer_invalid"
  | "token_tenant_invalid"
  | "token_expired"
  | "token_not_yet_valid"
  | "token_scope_missing"
  | "role_missing"
  | "consent_required";

/** 401: who is calling could not be established. */
export function notAuthenticated(reason: AuthReason, message: string): ApiError {
  return new ApiError("unauthenticated", message, { authReason: reason });
}

/** 403: the caller is known but may not do this (yet). */
export function notAllowed(
  reason: AuthReason,
  message: string,
  extra: Record<string, string> = {},
): ApiError {
  return new ApiError("forbidden", message, { ...extra, authReason: reason });
}

import "server-only";

/**
 * The Content-Security-Policy of a page: scripts only from this origin or carrying this
 * request's nonce; network calls only to this origin and, in Entra mode, the sign-in authority.
 */
export function pageContentSecurityPolicy(
  nonce: string,
  options: { authorityOrigin: string | null; development: boolean },
): string {
  const connect = ["'self'", options.authorityOrigin].filter(Boolean).join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // MUI writes style elements and attributes at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${options.authorityOrigin ? ` ${options.authorityOrigin}` : ""}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON answers never render: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const HSTS = "max-age=63072000; includeSubDomains";

/** Reached over HTTPS, directly or through a TLS-terminating proxy that says so. */
export function isHttps(request: Request): boolean {
  return request.url.startsWith("https:") || request.headers.get("x-forwarded-proto") === "https";
}

import { ApiError } from "./errors";

// Where a request comes from: the Host it names (DNS rebinding points a foreign name at this
// server) and, for a request that changes something, the page that sent it (cross-site requests).

/** Host names the console serves: exact names, `*.domain` for its subdomains, or "*" for any. */
export type AllowedHosts = readonly string[] | "any";

/** Methods that change nothing: no origin check. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host name of a Host header value (`name:port`, `[v6]:port`), lower case; null when it is not one. */
export function hostNameOf(value: string): string | null {
  const text = value.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(text);
  return match ? match[1]!.replace(/\.$/, "") : null;
}

function hostAllowed(name: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    if (pattern.startsWith("*.")) return name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1;
    return name === pattern;
  });
}

/**
 * 421 unless every host the request names (Host, and X-Forwarded-Host when a proxy adds it) is
 * one the console serves. A page whose DNS name was rebound to this server is refused here.
 */
export function refuseForeignHost(request: Request, allowed: AllowedHosts): void {
  if (allowed === "any") return;
  const named: [string, string | null][] = [["Host", request.headers.get("host")]];
  const forwarded = request.headers.get("x-forwarded-host");
  if (forwarded !== null) for (const value of forwarded.split(",")) named.push(["X-Forwarded-Host", value]);
  for (const [header, value] of named) {
    const name = value === null ? null : hostNameOf(value);
    if (name !== null && hostAllowed(name, allowed)) continue;
    throw new ApiError(
      "misdirected_request",
      `${header} header: ${value === null ? "missing" : `"${value.slice(0, 100)}"`} is not a host this console serves (${allowed.join(", ")}); set ALLOWED_HOSTS to the names it is reached by.`,
    );
  }
}

/** `host:port` with the scheme's default port made explicit, for comparing an Origin with a Host. */
function authorityOf(host: string, defaultPort: string): string {
  const text = host.trim().toLowerCase();
  return /:\d+$/.test(text) ? text : `${text}:${defaultPort}`;
}

/**
 * 403 for a state-changing request a browser sent from another site: `Sec-Fetch-Site` must say
 * same-origin, or (older browsers) `Origin` must be this console's own, or one of `allowedOrigins`.
 * A request with neither header comes from no browser page (curl, scripts) and is let through.
 */
export function refuseCrossOrigin(request: Request, allowedOrigins: readonly string[]): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin !== null && allowedOrigins.includes(origin.toLowerCase())) return;
  const refuse = (message: string) => {
    throw new ApiError(
      "forbidden",
      `${message} The console accepts changes only from its own pages${allowedOrigins.length ? " and ALLOWED_ORIGINS" : ""}.`,
      { reason: "cross_origin" },
    );
  };
  if (site !== null) {
    if (site.trim().toLowerCase() === "same-origin") return;
    refuse(`Sec-Fetch-Site header: "${site.slice(0, 40)}" — the request came from another site's page.`);
  }
  if (origin === null) return;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return refuse(`Origin header: "${origin.slice(0, 100)}" is not this console's origin.`);
  }
  const defaultPort = url.protocol === "https:" ? "443" : "80";
  const own = request.headers.get("x-forwarded-host")?.split(",")[0] ?? request.headers.get("host");
  const ownAuthority = own ? authorityOf(own, defaultPort) : null;
  const originAuthority = authorityOf(url.host, defaultPort);
  if (ownAuthority === originAuthority) return;
  refuse(`Origin header: "${origin.slice(0, 100)}" is not this console's origin.`);
}

import "server-only";
import type { Env } from "@/lib/env";

type OriginSettings = Pick<Env, "PUBLIC_ORIGIN" | "TRUST_PROXY_HEADERS">;

/** A host as a Host or X-Forwarded-Host header may carry it: name or IPv4, or [IPv6], and a port. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The first value of a header a chain of proxies may have appended to ("a, b"). */
const first = (value: string | null) => value?.split(",")[0]?.trim() || null;

/**
 * The origin links to the console start with, as the user reaches it: the configured public
 * origin; else, behind a proxy the settings say to trust, the host and scheme it forwarded
 * (X-Forwarded-Host, or Host, and X-Forwarded-Proto); else the request's own URL. Forwarded
 * headers are ignored unless trusted, since any client can send them.
 */
export function linkOrigin(settings: OriginSettings, request: Request): string {
  if (settings.PUBLIC_ORIGIN) return settings.PUBLIC_ORIGIN;
  const own = new URL(request.url);
  if (settings.TRUST_PROXY_HEADERS) {
    const host = first(request.headers.get("x-forwarded-host")) ?? first(request.headers.get("host"));
    const proto = first(request.headers.get("x-forwarded-proto"))?.toLowerCase();
    const scheme = proto === "http" || proto === "https" ? proto : own.protocol.replace(":", "");
    if (host && HOST.test(host)) return new URL(`${scheme}://${host}`).origin;
  }
  return own.origin;
}

import { NextResponse, type NextRequest } from "next/server";
import { isApiError } from "@/lib/api/errors";
import { refuseForeignHost } from "@/lib/api/request-origin";
import { entraSettings } from "@/lib/auth/entra-settings";
import { allowedHostsOf, env } from "@/lib/env";
import { HSTS, isHttps, pageContentSecurityPolicy } from "@/lib/security-headers";

// Security headers of pages: a fresh CSP nonce for every page view, and HSTS when the console is
// reached over HTTPS (directly or through a TLS-terminating proxy). API answers get theirs from
// the route wrapper (lib/api/route.ts), so /api calls skip this hop.
export function proxy(request: NextRequest) {
  const settings = env();
  try {
    // The API refuses a foreign Host itself; a page under a rebound name is refused here too.
    refuseForeignHost(request, allowedHostsOf(settings));
  } catch (error) {
    if (!isApiError(error)) throw error;
    return new Response(`${error.message}\n`, {
      status: error.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const entra = entraSettings(settings);
  const policy = pageContentSecurityPolicy(nonce, {
    authorityOrigin: entra ? new URL(entra.authorityHost).origin : null,
    development: settings.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};

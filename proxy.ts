import { NextResponse, type NextRequest } from "next/server";
import { entraSettings } from "@/lib/auth/entra-settings";
import { env } from "@/lib/env";
import { API_CONTENT_SECURITY_POLICY, HSTS, pageContentSecurityPolicy } from "@/lib/security-headers";

// Security headers that depend on the request: a fresh CSP nonce for every page, and HSTS when
// the console is reached over HTTPS (directly or through a TLS-terminating proxy).
export function proxy(request: NextRequest) {
  const settings = env();
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  let response: NextResponse;
  let policy: string;
  if (isApi) {
    response = NextResponse.next();
    policy = API_CONTENT_SECURITY_POLICY;
  } else {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    const entra = entraSettings(settings);
    policy = pageContentSecurityPolicy(nonce, {
      authorityOrigin: entra ? new URL(entra.authorityHost).origin : null,
      development: settings.NODE_ENV === "development",
    });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    // Next.js reads the policy from the request to put the nonce on its own scripts.
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};

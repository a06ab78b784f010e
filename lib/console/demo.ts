import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth/caller";
import { createDemoTenant, type DemoTenant } from "@/lib/demo-tenant";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { recordDemoChange } from "./history";

/** The embedded demo tenant of this process; only in demo mode (404 otherwise, as if it were not there). */
export function embeddedDemoTenant(): DemoTenant {
  const settings = env();
  if (settings.mode !== "demo") throw new ApiError("not_found", "The demo tenant exists only in demo mode.");
  return processSingleton("demo-tenant", () =>
    createDemoTenant({
      throttle: { limit: settings.DEMO_THROTTLE_LIMIT, windowMs: settings.DEMO_THROTTLE_WINDOW_MS },
    }),
  );
}

/**
 * Forwards /api/demo/… to the tenant's /demo/… controls, translating its Graph-style errors
 * into the console's one error shape.
 */
export async function forwardToDemoControls(
  request: Request,
  path: string[],
  requestId: string,
  caller: Caller,
): Promise<Response> {
  const tenant = embeddedDemoTenant();
  const target = new URL(`https://demo-tenant.invalid/demo/${path.map(encodeURIComponent).join("/")}`);
  target.search = new URL(request.url).search;
  const changes = request.method !== "GET" && request.method !== "HEAD";
  const body = changes ? await request.text() : undefined;
  const answer = await tenant.handle(
    new Request(target, {
      method: request.method,
      headers: {
        "content-type": request.headers.get("content-type") ?? "application/json",
        "client-request-id": requestId,
      },
      body,
    }),
  );
  if (answer.ok) {
    if (changes)
      await recordDemoChange(caller, request.method, `/demo/${path.join("/")}`, body ? safeJson(body) : null);
    return new Response(answer.body, {
      status: answer.status,
      headers: { "content-type": "application/json" },
    });
  }
  const problem = (await answer.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  const code =
    answer.status === 404
      ? "not_found"
      : answer.status === 405
        ? "method_not_allowed"
        : answer.status >= 500
          ? "internal_error"
          : "bad_request";
  throw new ApiError(code, problem?.error?.message ?? `The demo tenant answered ${answer.status}.`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

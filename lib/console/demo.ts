import "server-only";
import { ApiError } from "@/lib/api/errors";
import { readBodyText, requireJsonContentType } from "@/lib/api/request";
import type { Caller } from "@/lib/auth";
import { appendAudit } from "@/lib/runs";
import type { ConsoleServices } from "./services";

type Services = Pick<ConsoleServices, "demoTenant" | "db">;

/** A demo change is a few attributes: 64 KiB is plenty. */
const DEMO_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Forwards /api/demo/… to the tenant's /demo/… controls, translating its Graph-style errors
 * into the console's one error shape; a change is audited. 404 outside demo mode.
 */
export async function forwardToDemoControls(
  services: Services,
  caller: Caller,
  request: Request,
  path: string[],
  requestId: string,
): Promise<Response> {
  const tenant = services.demoTenant;
  if (!tenant) throw new ApiError("not_found", "The demo tenant exists only in demo mode.");
  const target = new URL(`https://demo-tenant.invalid/demo/${path.map(encodeURIComponent).join("/")}`);
  target.search = new URL(request.url).search;
  const changes = request.method !== "GET" && request.method !== "HEAD";
  const body = changes ? await readBodyText(request, { maxBytes: DEMO_BODY_LIMIT_BYTES }) : undefined;
  let change: unknown = null;
  if (body) {
    requireJsonContentType(request);
    try {
      change = JSON.parse(body);
    } catch {
      throw new ApiError("bad_request", "body: the request body is not valid JSON.");
    }
  }
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
      await appendAudit(services.db, {
        actor: caller.id,
        actorName: caller.displayName,
        action: "demo.changed",
        target: `/demo/${path.join("/")}`,
        // appendAudit keeps a bounded summary of the change, never the whole of it, and no secret.
        detail: { method: request.method, change: withSecretsRedacted(change) },
      });
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

const SECRET_FIELD = /token|secret|password/i;

/** A change as the audit log keeps it: the value of any token, secret or password field withheld. */
function withSecretsRedacted(change: unknown): unknown {
  if (typeof change !== "object" || change === null || Array.isArray(change)) return change;
  return Object.fromEntries(
    Object.entries(change).map(([name, value]) => [name, SECRET_FIELD.test(name) ? "[redacted]" : value]),
  );
}

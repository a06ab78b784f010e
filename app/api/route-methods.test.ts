import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ROUTE_METHODS } from "@/lib/console/route";

// Next.js answers a method a route file does not export with its own empty 405 (or 400): every
// route file exports every method, those it does not serve through otherMethods().

function routeFiles(directory = join(process.cwd(), "app", "api")): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? routeFiles(join(directory, entry.name))
      : entry.name === "route.ts"
        ? [join(directory, entry.name)]
        : [],
  );
}

type Handler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, unknown>> },
) => Promise<Response>;

describe.each(routeFiles().map((file) => [relative(process.cwd(), file), file]))("%s", (_name, file) => {
  it("exports a handler for every method (HEAD comes with GET)", async () => {
    const routeModule = (await import(file)) as Record<string, unknown>;
    const missing = ROUTE_METHODS.filter(
      (method) => typeof routeModule[method] !== "function" && !(method === "HEAD" && routeModule.GET),
    );
    expect(missing).toEqual([]);
  });
});

describe("a method a route does not serve", () => {
  it("is a 405 in the one error shape with Allow; OPTIONS is 204 with Allow", async () => {
    const routeModule = (await import("./runs/route")) as unknown as Record<string, Handler>;
    const segment = { params: Promise.resolve({}) };
    const put = await routeModule.PUT!(
      new NextRequest("http://localhost/api/runs", { method: "PUT", headers: { host: "localhost" } }),
      segment,
    );
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect(put.headers.get("cache-control")).toBe("no-store");
    expect(put.headers.get("content-security-policy")).toContain("default-src 'none'");
    const body = (await put.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe("method_not_allowed");
    expect(body.error.message).toMatch(/PUT is not allowed on \/api\/runs/);
    expect(body.error.requestId).toBeTruthy();

    const options = await routeModule.OPTIONS!(
      new NextRequest("http://localhost/api/runs", { method: "OPTIONS", headers: { host: "localhost" } }),
      segment,
    );
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });
});

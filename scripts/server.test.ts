import { describe, expect, it } from "vitest";
// @ts-expect-error server.mjs is plain JavaScript, run by node without a build step
import { clientErrorAnswer, refusalOf } from "../server.mjs";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const refuse = refusalOf as (method: string, url: string) => Answer | null;
const parserAnswer = clientErrorAnswer as (error: { code?: string }) => Answer;

function expectErrorShape(answer: Answer | null, status: number, code: string, mentions: RegExp) {
  expect(answer?.status).toBe(status);
  const body = JSON.parse(answer!.body) as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(mentions);
  expect(body.error.requestId).toBe(answer!.headers["x-request-id"]);
  expect(answer!.headers["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(answer!.headers["X-Content-Type-Options"]).toBe("nosniff");
  expect(answer!.headers["Cache-Control"]).toBe("no-store");
}

describe("what the server answers before Next.js sees a request", () => {
  it("lets an ordinary request through", () => {
    expect(refuse("GET", "/api/runs?subject=adele%40contoso.com")).toBeNull();
    expect(refuse("OPTIONS", "/s/abc")).toBeNull();
  });

  it("answers a method no route may export with 405 and Allow", () => {
    const answer = refuse("PROPFIND", "/api/runs");
    expectErrorShape(answer, 405, "method_not_allowed", /PROPFIND/);
    expect(answer!.headers.Allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  });

  it("answers a URL over 8 KiB with 414 and broken percent-encoding with 400, naming the part", () => {
    expectErrorShape(refuse("GET", `/api/runs?subject=${"a".repeat(9000)}`), 414, "uri_too_long", /^URL: /);
    expectErrorShape(refuse("GET", "/api/runs/%E0%A4%A"), 400, "bad_request", /^path: /);
    expectErrorShape(refuse("GET", "/s/%"), 400, "bad_request", /^path: /);
    expectErrorShape(refuse("GET", "/api/runs/%ED%A0%80"), 400, "bad_request", /^path: /);
    expectErrorShape(refuse("GET", "/api/runs/%2E%2E"), 400, "bad_request", /^path: "\." and "\.\."/);
    expectErrorShape(refuse("PUT", "/api/bulk-runs/./x"), 400, "bad_request", /^path: /);
    expect(refuse("GET", "/runs/..")).toBeNull(); // pages are Next.js's to normalise
  });

  it("answers what Node's parser refuses in the same shape", () => {
    expectErrorShape(parserAnswer({ code: "HPE_HEADER_OVERFLOW" }), 431, "headers_too_large", /^headers: /);
    expectErrorShape(parserAnswer({ code: "HPE_INVALID_METHOD" }), 405, "method_not_allowed", /^method: /);
    expectErrorShape(parserAnswer({ code: "HPE_INVALID_HEADER_TOKEN" }), 400, "bad_request", /HTTP\/1.1/);
  });
});

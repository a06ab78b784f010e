import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, describeZodError, toErrorResponse } from "./errors";

describe("toErrorResponse", () => {
  it("maps a validation failure to 400 naming the field", async () => {
    const parsed = z
      .object({ subject: z.object({ objectId: z.string().min(1) }) })
      .safeParse({ subject: { objectId: "" } });
    const response = toErrorResponse(parsed.error, "req-1");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(/^subject\.objectId: /);
    expect(body.error.requestId).toBe("req-1");
  });

  it("names a list item by its position", () => {
    const parsed = z.object({ subjects: z.array(z.object({ kind: z.literal("user") })) }).safeParse({
      subjects: [{ kind: "user" }, { kind: "robot" }],
    });
    expect(describeZodError(parsed.error!)).toMatch(/^subjects\[1\]\.kind: /);
  });

  it("keeps a known error's status, code and message", async () => {
    const response = toErrorResponse(new ApiError("gone", "This shared link was revoked."), "req-2");
    expect(response.status).toBe(410);
    expect((await response.json()).error).toEqual({
      code: "gone",
      message: "This shared link was revoked.",
      requestId: "req-2",
    });
  });

  it("answers anything unexpected with 500, the request id, and nothing internal", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = toErrorResponse(
      new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2"),
      "req-3",
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.5/);
    expect(JSON.parse(text).error).toMatchObject({ code: "internal_error", requestId: "req-3" });
    expect(response.headers.get("x-request-id")).toBe("req-3");
    log.mockRestore();
  });
});

import { describe, expect, it, vi } from "vitest";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { fromGraphError } from "./graph-errors";

describe("errors made by another bundled copy of their module", () => {
  // Next.js can bundle one module into several chunks: the services are built in one, routes run in others.
  async function secondCopies() {
    vi.resetModules();
    const errors = await import("@/lib/api/errors");
    const graph = await import("@/lib/graph/graph-error");
    return { ApiError: errors.ApiError, GraphError: graph.GraphError };
  }

  it("keep their status: an ApiError is not a 500, a GraphError 404 is a 404", async () => {
    const copies = await secondCopies();
    expect(copies.ApiError).not.toBe(ApiError);
    const refused = toErrorResponse(new copies.ApiError("conflict", "Used for another run."), "req-4");
    expect(refused.status).toBe(409);
    const graphError = new copies.GraphError({
      status: 404,
      code: "Request_ResourceNotFound",
      message: "gone",
    });
    const missing = toErrorResponse(fromGraphError(graphError), "req-5");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({
      code: "not_found",
      graphCode: "Request_ResourceNotFound",
    });
  });
});

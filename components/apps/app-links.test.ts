import { describe, expect, it } from "vitest";
import { appHref, idFromSegment, jobHealthHref, provisionHref, runHref } from "./app-links";

describe("page addresses", () => {
  it("encode each id as one path segment", () => {
    expect(appHref("a/b")).toBe("/apps/a%2Fb");
    expect(provisionHref("sp", "scim.4b8c.4ba2", "kind=user")).toBe("/apps/sp/jobs/scim.4b8c.4ba2?kind=user");
    expect(runHref("r#1")).toBe("/runs/r%231");
    expect(jobHealthHref("sp/1", "scim.a b")).toBe("/apps/sp%2F1/jobs/scim.a%20b/health");
  });

  it("come back to the same ids from the route segments", () => {
    for (const id of ["AD2AADProvisioning.fc96.4ba2", "rule#V2", "a b/c", "ü%"]) {
      const segment = appHref(id).slice("/apps/".length);
      expect(idFromSegment(segment)).toBe(id);
    }
  });

  it("keeps a segment with a stray percent sign as typed", () => {
    expect(idFromSegment("50%off")).toBe("50%off");
  });
});

import { describe, expect, it } from "vitest";
import { bulkRunHref, bulkRunsHref, itemFilterFromSearch, newBulkRunHref } from "./bulk-links";

describe("bulkRunHref", () => {
  it("encodes the id as one segment and adds the filter when chosen", () => {
    expect(bulkRunHref("a/b")).toBe("/bulk/a%2Fb");
    expect(bulkRunHref("r1", "interrupted")).toBe("/bulk/r1?outcome=interrupted");
  });
});

describe("bulkRunsHref", () => {
  it("lists one job's bulk runs with both ids encoded as query values", () => {
    expect(bulkRunsHref()).toBe("/bulk");
    expect(bulkRunsHref({ servicePrincipalId: "sp1", jobId: "scim.a&b" })).toBe(
      "/bulk?servicePrincipalId=sp1&jobId=scim.a%26b",
    );
  });
});

describe("newBulkRunHref", () => {
  it("sits under the job's provision page and carries a rule id with # intact", () => {
    expect(newBulkRunHref("sp 1", "scim.a.b")).toBe("/apps/sp%201/jobs/scim.a.b/bulk");
    expect(newBulkRunHref("sp1", "job", "rule#V2")).toBe("/apps/sp1/jobs/job/bulk?rule=rule%23V2");
  });
});

describe("itemFilterFromSearch", () => {
  it("reads a known filter and round-trips what bulkRunHref writes", () => {
    const href = bulkRunHref("r1", "Skipped");
    expect(itemFilterFromSearch(new URL(href, "http://x").searchParams)).toEqual({
      filter: "Skipped",
      notice: null,
    });
  });

  it("shows everything when there is no filter", () => {
    expect(itemFilterFromSearch(new URLSearchParams(""))).toEqual({ filter: null, notice: null });
    expect(itemFilterFromSearch(new URLSearchParams("outcome="))).toEqual({ filter: null, notice: null });
  });

  it("drops an unknown filter and says which ones exist", () => {
    const { filter, notice } = itemFilterFromSearch(new URLSearchParams("outcome=Exploded"));
    expect(filter).toBeNull();
    expect(notice).toContain("“Exploded”");
    expect(notice).toContain("Call failed");
  });
});

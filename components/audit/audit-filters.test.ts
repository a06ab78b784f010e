import { describe, expect, it } from "vitest";
import { auditFiltersFromSearchParams, hasAuditFilters, searchParamsFromAuditFilters } from "./audit-filters";

describe("audit filters in the URL", () => {
  it("keeps who, what, object, application and a day range, and writes them back in a fixed order", () => {
    const filters = auditFiltersFromSearchParams(
      new URLSearchParams({
        to: "2026-11-28T23:59:59.999Z",
        app: " northwind ",
        object: "adele",
        action: "run.failed",
        actor: "Demo",
        from: "2026-11-01T00:00:00Z",
      }),
    );
    expect(filters).toEqual({
      actor: "Demo",
      action: "run.failed",
      object: "adele",
      app: "northwind",
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-28T23:59:59.999Z",
    });
    expect(searchParamsFromAuditFilters(filters).toString()).toBe(
      "actor=Demo&action=run.failed&object=adele&app=northwind&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-28T23%3A59%3A59.999Z",
    );
  });

  it("drops an action the log does not record and a time that is not one, rather than asking the server for a 400", () => {
    const filters = auditFiltersFromSearchParams(
      new URLSearchParams("action=run.deleted&from=yesterday&actor=%20"),
    );
    expect(filters).toEqual({});
    expect(hasAuditFilters(filters)).toBe(false);
  });
});

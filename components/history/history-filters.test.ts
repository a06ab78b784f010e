import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  dateInputToIso,
  filtersFromSearchParams,
  hasFilters,
  isEmptyRange,
  isoToDateInput,
  searchParamsFromFilters,
} from "./history-filters";

describe("filters from the URL", () => {
  it("keeps a reason code and drops one the server would refuse", () => {
    expect(filtersFromSearchParams(new URLSearchParams("reason=RedundantExport")).reason).toBe(
      "RedundantExport",
    );
    expect(filtersFromSearchParams(new URLSearchParams("reason=not%20a%20code")).reason).toBeUndefined();
  });

  it("keeps every valid filter", () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams({
        servicePrincipalId: "sp-1",
        jobId: "scim.4b8c.4ba2",
        subject: "adele@contoso.com",
        outcome: "Failure",
        action: "Update",
        actor: "demo-operator",
        from: "2026-11-01T00:00:00Z",
        to: "2026-11-28T23:59:59.999Z",
      }),
    );
    expect(filters).toEqual({
      servicePrincipalId: "sp-1",
      jobId: "scim.4b8c.4ba2",
      subject: "adele@contoso.com",
      outcome: "Failure",
      action: "Update",
      actor: "demo-operator",
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-28T23:59:59.999Z",
    });
  });

  it("drops an unknown outcome or action, a date that is no date, and blank values", () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams({
        outcome: "success",
        action: "Rename",
        from: "last tuesday",
        to: "2026-02-31",
        subject: "   ",
        actor: "",
      }),
    );
    expect(filters).toEqual({});
    expect(hasFilters(filters)).toBe(false);
  });

  it("drops a date-time without a zone, which the server would refuse", () => {
    expect(filtersFromSearchParams(new URLSearchParams({ from: "2026-11-01T09:00" }))).toEqual({});
  });

  it("normalises a date-time with an offset to UTC", () => {
    const filters = filtersFromSearchParams(new URLSearchParams({ from: "2026-11-01T09:00:00+02:00" }));
    expect(filters.from).toBe("2026-11-01T07:00:00.000Z");
  });

  it("trims the subject so a pasted UPN with spaces still matches", () => {
    expect(filtersFromSearchParams(new URLSearchParams({ subject: "  CN=Adele,OU=Users  " })).subject).toBe(
      "CN=Adele,OU=Users",
    );
  });

  it("round-trips through the query string", () => {
    const filters = { subject: "adele", outcome: "Skipped" as const, from: "2026-11-01T00:00:00.000Z" };
    expect(filtersFromSearchParams(searchParamsFromFilters(filters))).toEqual(filters);
  });

  it("writes the same query string for the same filters whatever their order", () => {
    const one = searchParamsFromFilters({ actor: "x", outcome: "Failure" }).toString();
    const two = searchParamsFromFilters({ outcome: "Failure", actor: "x" }).toString();
    expect(one).toBe(two);
    expect(one).toBe("outcome=Failure&actor=x");
  });

  it("sees a range that ends before it starts", () => {
    expect(isEmptyRange({ from: "2026-11-02T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z" })).toBe(true);
    expect(isEmptyRange({ from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z" })).toBe(false);
  });
});

describe("date inputs in the reader's time zone", () => {
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
    process.env.TZ = "America/New_York";
  });
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("starts a 'from' day at local midnight and ends a 'to' day at its last millisecond", () => {
    expect(dateInputToIso("2026-11-28", "from")).toBe("2026-11-28T05:00:00.000Z");
    expect(dateInputToIso("2026-11-28", "to")).toBe("2026-11-29T04:59:59.999Z");
  });

  it("reads a plain date in the URL as that local day", () => {
    const filters = filtersFromSearchParams(new URLSearchParams({ from: "2026-07-01", to: "2026-07-01" }));
    expect(filters).toEqual({ from: "2026-07-01T04:00:00.000Z", to: "2026-07-02T03:59:59.999Z" });
  });

  it("shows an ISO bound as the local day it falls on", () => {
    expect(isoToDateInput("2026-11-29T04:59:59.999Z")).toBe("2026-11-28");
    expect(isoToDateInput("not a time")).toBe("");
    expect(isoToDateInput(undefined)).toBe("");
  });

  it("waits for a year typed digit by digit instead of reading 0002 as a date", () => {
    expect(dateInputToIso("0002-11-28", "from")).toBeUndefined();
    expect(dateInputToIso("0202-11-28", "from")).toBeUndefined();
    expect(dateInputToIso("2026-11-28", "from")).toBe("2026-11-28T05:00:00.000Z");
  });

  it("refuses days that do not exist", () => {
    expect(dateInputToIso("2026-02-29", "from")).toBeUndefined();
    expect(dateInputToIso("2026-13-01", "to")).toBeUndefined();
    expect(dateInputToIso("", "from")).toBeUndefined();
  });
});

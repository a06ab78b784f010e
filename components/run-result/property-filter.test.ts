import { describe, expect, it } from "vitest";
import type { ModifiedProperty } from "@/lib/provisioning";
import { filterProperties } from "./property-filter";

const properties: ModifiedProperty[] = [
  {
    name: "displayName",
    oldValue: "Fill Bob",
    newValue: "Bill Bob",
    oldValueReported: true,
    change: "changed",
  },
  { name: "department", oldValue: null, newValue: "Sales", oldValueReported: false, change: "unknown" },
  { name: "mailNickname", oldValue: "Bill", newValue: null, oldValueReported: true, change: "removed" },
];

describe("filterProperties", () => {
  it("keeps everything for an empty filter", () => {
    expect(filterProperties(properties, "  ")).toHaveLength(3);
  });

  it("matches names, old values and new values, ignoring case", () => {
    expect(filterProperties(properties, "DEPART").map((p) => p.name)).toEqual(["department"]);
    expect(filterProperties(properties, "fill").map((p) => p.name)).toEqual(["displayName"]);
    expect(filterProperties(properties, "bill").map((p) => p.name)).toEqual(["displayName", "mailNickname"]);
  });

  it("needs every word to match somewhere in the row", () => {
    expect(filterProperties(properties, "bill nickname").map((p) => p.name)).toEqual(["mailNickname"]);
    expect(filterProperties(properties, "bill sales")).toEqual([]);
  });
});

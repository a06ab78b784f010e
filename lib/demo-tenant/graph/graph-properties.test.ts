import { describe, expect, it } from "vitest";
import { documentedFilterOperators, structuralPropertyNames } from "@/lib/testing/graph-type-properties";
import { FILTER_OPERATORS } from "./graph-filters";
import { GROUP_PROPERTIES, SERVICE_PRINCIPAL_PROPERTIES, USER_PROPERTIES } from "./graph-properties";

// The demo tenant's property lists and filter table against Microsoft's published typings: when a
// new version of @microsoft/microsoft-graph-types(-beta) adds a property, this fails and says which.

const V1 = "@microsoft/microsoft-graph-types";
const BETA = "@microsoft/microsoft-graph-types-beta";

describe.each([
  ["User", USER_PROPERTIES, "user"],
  ["Group", GROUP_PROPERTIES, "group"],
  ["ServicePrincipal", SERVICE_PRINCIPAL_PROPERTIES, "servicePrincipal"],
] as const)("%s", (typeName, properties, key) => {
  it("serves every structural property of v1.0 and of beta, in the typings' order", () => {
    const stale = `graph-properties.ts must list what ${typeName} declares in the typings`;
    expect(properties["v1.0"], stale).toEqual(structuralPropertyNames(V1, typeName));
    expect(properties.beta, stale).toEqual(structuralPropertyNames(BETA, typeName));
  });

  it("filters with the operators each property's documentation names", () => {
    expect(
      FILTER_OPERATORS[key],
      `graph-filters.ts must match ${typeName}'s documented $filter support`,
    ).toEqual(documentedFilterOperators(typeName));
  });
});

describe("the structural/navigation split", () => {
  it("keeps complex types that carry an id (appRole) and leaves out relationships (manager, memberOf)", () => {
    expect(SERVICE_PRINCIPAL_PROPERTIES["v1.0"]).toContain("appRoles");
    expect(USER_PROPERTIES["v1.0"]).not.toContain("manager");
    expect(USER_PROPERTIES["v1.0"]).not.toContain("memberOf");
    expect(SERVICE_PRINCIPAL_PROPERTIES["v1.0"]).not.toContain("createdDateTime");
  });
});

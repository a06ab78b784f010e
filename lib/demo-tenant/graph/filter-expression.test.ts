import { describe, expect, it } from "vitest";
import { compileFilter } from "./filter-expression";
import { GraphError } from "./graph-error";
import type { ResourceSpec } from "./resources";
import { compileSearch } from "./search-expression";

interface Person {
  id: string;
  displayName: string;
  department: string | null;
  accountEnabled: boolean;
}

const spec: ResourceSpec<Person> = {
  typeName: "User",
  odataType: "microsoft.graph.user",
  properties: {
    id: (p) => p.id,
    displayName: (p) => p.displayName,
    department: (p) => p.department,
    accountEnabled: (p) => p.accountEnabled,
  },
  filters: {
    id: ["eq", "in"],
    displayName: ["eq", "ne", "not", "in", "startsWith"],
    department: ["eq", "ne", "not", "in"],
    accountEnabled: ["eq"],
  },
  searchable: ["displayName"],
};

const people: Person[] = [
  { id: "1", displayName: "Adele Vance", department: "Sales", accountEnabled: true },
  { id: "2", displayName: "Conor O'Neill", department: null, accountEnabled: false },
  { id: "3", displayName: "Mary-Jane Vancouver", department: "Marketing", accountEnabled: true },
];

const ids = (filter: string) => people.filter(compileFilter(filter, spec).predicate).map((p) => p.id);
const found = (search: string) => people.filter(compileSearch(search, spec)).map((p) => p.id);

function graphError(run: () => unknown): GraphError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphError) return error;
  }
  throw new Error("expected a GraphError");
}

describe("compileFilter", () => {
  it("compares strings case-insensitively and understands booleans and null", () => {
    expect(ids("department eq 'SALES'")).toEqual(["1"]);
    expect(ids("department eq null")).toEqual(["2"]);
    expect(ids("accountEnabled eq false")).toEqual(["2"]);
    expect(ids("department ne 'Sales'")).toEqual(["2", "3"]);
  });

  it("combines and, or, not and parentheses with and binding tighter", () => {
    expect(ids("id eq '1' or id eq '2' and accountEnabled eq true")).toEqual(["1"]);
    expect(ids("(id eq '1' or id eq '2') and accountEnabled eq true")).toEqual(["1"]);
    expect(ids("not (department eq 'Sales')")).toEqual(["2", "3"]);
    expect(ids("id in ('1', '3')")).toEqual(["1", "3"]);
  });

  it("reads '' inside a literal as one quote and matches startswith on the whole value", () => {
    expect(ids("startswith(displayName,'conor o''n')")).toEqual(["2"]);
    expect(ids("startswith(displayName,'vance')")).toEqual([]);
  });

  it("refuses what Graph refuses, naming the problem", () => {
    expect(graphError(() => ids("department eq")).message).toContain("a value is missing");
    expect(graphError(() => ids("displayName eq 'x' extra")).message).toContain("position 19");
    expect(graphError(() => ids("endswith(displayName,'x')")).code).toBe("Request_UnsupportedQuery");
    expect(graphError(() => ids("salary gt 3")).message).toContain("'salary'");
    expect(graphError(() => ids("id eq 'unterminated")).message).toContain("unterminated");
  });
});

describe("compileFilter's advanced queries and lambdas", () => {
  interface Tagged {
    id: string;
    tags: string[];
    identities: { issuer: string; issuerAssignedId: string }[];
  }
  const tagged: ResourceSpec<Tagged> = {
    typeName: "ServicePrincipal",
    odataType: "microsoft.graph.servicePrincipal",
    properties: { id: (t) => t.id, tags: (t) => t.tags, identities: (t) => t.identities },
    filters: { id: ["eq"], tags: ["eq", "not", "startsWith", "count"], identities: ["eq"] },
    searchable: [],
  };
  const items: Tagged[] = [
    { id: "a", tags: ["HideApp", "Team"], identities: [{ issuer: "contoso.com", issuerAssignedId: "x" }] },
    { id: "b", tags: [], identities: [] },
  ];
  const run = (filter: string) => {
    const { predicate, advanced } = compileFilter(filter, tagged);
    return { ids: items.filter(predicate).map((t) => t.id), advanced };
  };

  it("evaluates any/all lambdas and names what needs an advanced query", () => {
    expect(run("tags/any(t:t eq 'team')")).toEqual({ ids: ["a"], advanced: [] });
    expect(run("identities/any(i:i/issuer eq 'contoso.com' and i/issuerAssignedId eq 'x')").ids).toEqual([
      "a",
    ]);
    expect(run("tags/all(t:startswith(t,'h'))")).toEqual({ ids: ["b"], advanced: ["all"] });
    expect(run("not(tags/any(t:t eq 'Team'))")).toEqual({ ids: ["b"], advanced: ["not"] });
    expect(run("tags/$count eq 0")).toEqual({ ids: ["b"], advanced: ["$count"] });
  });

  it("refuses an operator the collection does not allow inside its lambda", () => {
    expect(graphError(() => run("tags/any(t:endswith(t,'p'))")).code).toBe("Request_UnsupportedQuery");
    expect(graphError(() => run("identities/any(i:startswith(i/issuer,'c'))")).message).toContain("'i'");
  });
});

describe("compileSearch", () => {
  it("matches word prefixes anywhere in the value, across punctuation", () => {
    expect(found('"displayName:van"')).toEqual(["1", "3"]);
    expect(found('"displayName:jane"')).toEqual(["3"]);
    expect(found('"displayName:adele vance"')).toEqual(["1"]);
    expect(found('"displayName:ance"')).toEqual([]);
  });

  it("joins clauses with OR and AND", () => {
    expect(found('"displayName:adele" OR "displayName:conor"')).toEqual(["1", "2"]);
    expect(found('"displayName:van" AND "displayName:mary"')).toEqual(["3"]);
  });

  it("needs quoted property:value clauses on searchable properties", () => {
    expect(graphError(() => found("displayName:adele")).code).toBe("BadRequest");
    expect(graphError(() => found('"adele"')).message).toContain("must name a property");
    expect(graphError(() => found('"department:sales"')).code).toBe("Request_UnsupportedQuery");
  });
});

import { describe, expect, it } from "vitest";
import { EMPTY_LAB, expressionLabHref, labLinkQuery, parseLabLink } from "./lab-url-state";

const parse = (query: string) => parseLabLink(new URLSearchParams(query));

describe("the lab's link", () => {
  it("round-trips a session: expression, mapping, user and typed values", () => {
    const state = {
      ...EMPTY_LAB,
      expression: 'Join(" ", [givenName], [surname]) & "#1"',
      mapping: 'emails[type eq "work"].value',
      object: "User",
      userId: "69bdd931-211b-469b-bd21-0c279cd91efd",
      values: { extensionAttribute1: "E 42", "urn:x:attr": "a&b" },
    };
    expect(parse(labLinkQuery(state))).toEqual({ state, notices: [] });
  });

  it("builds the job's lab address with ids encoded and #V2-style characters kept in the query", () => {
    const href = expressionLabHref("sp/1", "scim.1", { expression: "[a]#V2", runId: "run 1" });
    const url = new URL(href, "http://console.test");
    expect(url.pathname).toBe("/apps/sp%2F1/jobs/scim.1/expressions");
    expect(url.hash).toBe("");
    expect(parse(url.search).state).toMatchObject({ expression: "[a]#V2", runId: "run 1" });
  });

  it("leaves out what a hand-edited link cannot use, and says so", () => {
    const long = "x".repeat(10_001);
    const { state, notices } = parse(`expression=${long}&user=%01bad&value:1nvalid=x&value:ok=y`);
    expect(state).toMatchObject({ expression: "", userId: null, values: { ok: "y" } });
    expect(notices).toHaveLength(2);
  });

  it("prefers the run when a link names both a run and a user", () => {
    const { state, notices } = parse("user=u&run=r");
    expect(state).toMatchObject({ runId: "r", userId: null });
    expect(notices[0]).toMatch(/both a user and a run/);
  });
});

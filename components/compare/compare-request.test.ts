import { describe, expect, it } from "vitest";
import { compareHref, compareRequestFrom } from "./compare-request";

const from = (query: string) => compareRequestFrom(new URLSearchParams(query));

describe("the compare page's request", () => {
  it("compares the two runs named", () => {
    expect(from("a=run-1&b=run-2")).toEqual({ kind: "pair", a: "run-1", b: "run-2" });
  });

  it("compares one run with its previous when only one is named, whichever side", () => {
    expect(from("a=run-1")).toEqual({ kind: "with-previous", runId: "run-1" });
    expect(from("b=run-2&a=")).toEqual({ kind: "with-previous", runId: "run-2" });
  });

  it("asks for runs when none is named or the ids are blank", () => {
    expect(from("")).toEqual({ kind: "none" });
    expect(from("a=%20&b=")).toEqual({ kind: "none" });
  });

  it("builds a link that reads back as the same pair, ids with odd characters included", () => {
    const href = compareHref("id with spaces&more", "b#2");
    expect(compareRequestFrom(new URL(href, "http://console").searchParams)).toEqual({
      kind: "pair",
      a: "id with spaces&more",
      b: "b#2",
    });
  });
});

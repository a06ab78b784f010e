import { describe, expect, it } from "vitest";

import {
  attributeReaderOf,
  evaluateExpression,
  parseMappingExpression,
  REDACTED_VALUE,
  redactsLoggedValue,
  type EvaluationOptions,
  type ExpressionValue,
} from "../index";

const evaluate = (
  text: string,
  attributes: Record<string, ExpressionValue> = {},
  options: EvaluationOptions = {},
) => evaluateExpression(text, attributeReaderOf(attributes), options);

/** A GUID source like the engine's: the same seed gives the same sequence. */
function seededGuids(seed: number): () => string {
  let state = seed >>> 0;
  const word = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state.toString(16).padStart(8, "0");
  };
  return () =>
    `${word()}-${word().slice(0, 4)}-4${word().slice(0, 3)}-8${word().slice(0, 3)}-${word()}${word().slice(0, 4)}`;
}

const count = (text: string, pattern: RegExp) => [...text].filter((ch) => pattern.test(ch)).length;
const SPECIAL = /[~!@#$%^&*_\-+=`|\\(){}[\]:;"'<>,.?/]/;

describe("Guid", () => {
  it("gives the injected source's GUID, as in the documented sample", () => {
    const guid = () => "00aa00aa-bb11-cc22-dd33-44ee44ee44ee";
    expect(evaluate("Guid()", {}, { newGuid: guid })).toBe("00aa00aa-bb11-cc22-dd33-44ee44ee44ee");
  });
  it("gives a new random GUID each time without one", () => {
    const first = evaluate("Guid()");
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(evaluate("Guid()")).not.toBe(first);
  });
  it("takes no argument", () => {
    expect(() => evaluate("Guid([objectId])")).toThrow("Guid takes at most 0 arguments but got 1");
  });
});

describe("RandomString", () => {
  it("gives 3 numbers and 3 lower-case letters for RandomString(6,3,0,0,3) (docs)", () => {
    for (let i = 0; i < 50; i++) {
      const text = evaluate("RandomString(6,3,0,0,3)") as string;
      expect(text).toHaveLength(6);
      expect(count(text, /\d/)).toBe(3);
      expect(count(text, /[a-z]/)).toBe(3);
    }
  });

  it('meets every minimum and avoids "?" and "," for RandomString(10,2,2,2,1,"?,") (docs)', () => {
    for (let i = 0; i < 200; i++) {
      const text = evaluate('RandomString(10,2,2,2,1,"?,")') as string;
      expect(text).toHaveLength(10);
      expect(count(text, /\d/)).toBeGreaterThanOrEqual(2);
      expect(count(text, SPECIAL)).toBeGreaterThanOrEqual(2);
      expect(count(text, /[A-Z]/)).toBeGreaterThanOrEqual(2);
      expect(count(text, /[a-z]/)).toBeGreaterThanOrEqual(1);
      expect(text).not.toMatch(/[?,]/);
    }
  });

  it("is repeatable from the engine's seeded GUIDs, and differs between seeds", () => {
    const once = (seed: number) => evaluate("RandomString(12,2,2,2,2)", {}, { newGuid: seededGuids(seed) });
    expect(once(7)).toBe(once(7));
    expect(once(7)).not.toBe(once(8));
  });

  it("uses an injected random source before anything else", () => {
    const text = evaluate("RandomString(4,4,0,0,0)", {}, { randomInt: () => 0, newGuid: () => "ffffffff" });
    expect(text).toBe("0000");
  });

  it("uses letters and numbers only when every minimum is 0", () => {
    for (let i = 0; i < 50; i++) expect(evaluate("RandomString(16,0,0,0,0)")).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it("can be redacted from the logs (docs example 3)", () => {
    expect(evaluate("Redact(RandomString(6,3,0,0,3))")).toMatch(/^[a-z0-9]{6}$/);
    expect(redactsLoggedValue(parseMappingExpression("Redact(RandomString(6,3,0,0,3))"))).toBe(true);
  });

  it.each([
    ["RandomString(0,0,0,0,0)", "RandomString: Length must be from 1 to 256, got 0"],
    ["RandomString(257,0,0,0,0)", "RandomString: Length must be from 1 to 256, got 257"],
    ['RandomString("six",0,0,0,0)', 'RandomString: Length must be an integer, got "six"'],
    ["RandomString(6,-1,0,0,0)", "RandomString: MinimumNumbers must not be negative, got -1"],
    ["RandomString(6,3,2,1,1)", "RandomString: the minimums add up to 7, more than the Length 6"],
    [
      'RandomString(6,1,0,0,0,"0123456789")',
      "RandomString: CharactersToAvoid leaves nothing to meet MinimumNumbers",
    ],
    ["RandomString(6,3,0,0)", "RandomString requires its MinimumLowerCase argument"],
    ["RandomString(6,[missing],0,0,0)", "RandomString: MinimumNumbers has no value"],
  ])("%s names what is wrong", (text, message) => {
    expect(() => evaluate(text)).toThrow(message);
  });
});

describe("DefaultDomain", () => {
  it("gives the tenant's default domain, as in the documented UPN example", () => {
    expect(
      evaluate(
        'Join("@", [mailNickname], DefaultDomain())',
        { mailNickname: "jsmith" },
        { defaultDomain: "contoso.com" },
      ),
    ).toBe("jsmith@contoso.com");
  });
  it("fails as documented when the tenant has no default verified domain", () => {
    expect(() => evaluate("DefaultDomain()")).toThrow(
      "DefaultDomain: the tenant has no default verified domain",
    );
  });
});

describe("Redact", () => {
  it("lets an attribute or a constant flow unchanged (docs examples 1 and 2)", () => {
    expect(evaluate("Redact([userPrincipalName])", { userPrincipalName: "a@contoso.com" })).toBe(
      "a@contoso.com",
    );
    expect(evaluate('Redact("StringToBeRedacted")')).toBe("StringToBeRedacted");
    expect(evaluate("Redact([missing])")).toBeNull();
  });
  it("tells the logs to show [Redact] wherever Redact appears in a mapping", () => {
    expect(REDACTED_VALUE).toBe("[Redact]");
    expect(redactsLoggedValue(parseMappingExpression("Redact([userPrincipalName])"))).toBe(true);
    expect(
      redactsLoggedValue(parseMappingExpression('Join("@", redact([mailNickname]), "contoso.com")')),
    ).toBe(true);
    expect(redactsLoggedValue(parseMappingExpression('Join("@", [mailNickname], "contoso.com")'))).toBe(
      false,
    );
    expect(redactsLoggedValue(parseMappingExpression("[userPrincipalName]"))).toBe(false);
    expect(redactsLoggedValue(null)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { completeFunction, signatureOf, suggestFunctions, wordAtCaret } from "./completion";

const functions = [
  {
    name: "Join",
    parameters: [
      { name: "separator", required: true, repeats: false },
      { name: "source", required: true, repeats: true },
    ],
  },
  {
    name: "ToLower",
    parameters: [
      { name: "source", required: true, repeats: false },
      { name: "culture", required: false, repeats: false },
    ],
  },
  { name: "ToUpper", parameters: [{ name: "source", required: true, repeats: false }] },
  { name: "Left", parameters: [] },
];

describe("function completion", () => {
  it("finds the name being typed, but not inside a string or an attribute", () => {
    expect(wordAtCaret("Append(To", 9)).toEqual({ word: "To", start: 7 });
    expect(wordAtCaret('Join(" To', 9)).toBeNull();
    expect(wordAtCaret("[jobTi", 6)).toBeNull();
    expect(wordAtCaret("[mail], ", 8)).toBeNull();
  });

  it("suggests functions by prefix in any case, shortest first", () => {
    expect(suggestFunctions(functions, "to").map((f) => f.name)).toEqual(["ToLower", "ToUpper"]);
    expect(suggestFunctions(functions, "join")).toEqual([]);
  });

  it("shows a signature with repeating and optional parameters", () => {
    expect(signatureOf(functions[0]!)).toBe("Join(separator, source, …)");
    expect(signatureOf(functions[1]!)).toBe("ToLower(source, [culture])");
  });

  it("completes the word to the function's opening parenthesis", () => {
    expect(completeFunction("Append(To, x)", 7, 9, functions[1]!)).toEqual({
      text: "Append(ToLower(, x)",
      caret: 15,
    });
  });
});

import "server-only";

import type { AttributeMappingSource } from "../../model";
import { ExpressionError } from "./expression-error";

// Graph's JSON form of an expression: Attribute, Constant and Function nodes. Constants arrive as
// {name: "1", expression: "\"1\""}, sometimes with the quotes in `name`; both are read the same.

export function attributeNode(name: string): AttributeMappingSource {
  return { expression: `[${name}]`, name, parameters: [], type: "Attribute" };
}

export function constantNode(value: string): AttributeMappingSource {
  return { expression: quoteConstant(value), name: value, parameters: [], type: "Constant" };
}

/** An argument left empty, as in `Switch([IsSoftDeleted], , "False", …)`: a Constant with no name and no expression. */
export function emptyArgumentNode(): AttributeMappingSource {
  return { expression: null, name: null, parameters: [], type: "Constant" };
}

export function isEmptyArgument(node: AttributeMappingSource): boolean {
  return node.type === "Constant" && node.name === null && node.expression === null;
}

export function quoteConstant(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `"a\"b"` → `a"b`; a backslash before anything but `"` or `\` is kept, so regex escapes survive. */
export function unquoteConstant(text: string): string | null {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return null;
  const body = text.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    const next = body[i + 1];
    if (ch === "\\" && (next === '"' || next === "\\")) {
      out += next;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The string a Constant node stands for, or null for an empty argument. */
export function constantValue(node: AttributeMappingSource): string | null {
  const expression = node.expression?.trim();
  if (expression !== undefined && expression !== "") return unquoteConstant(expression) ?? expression;
  if (node.name !== null) return unquoteConstant(node.name) ?? node.name;
  return expression === "" ? "" : null;
}

export function attributeName(node: AttributeMappingSource): string {
  const name = node.name ?? /^\s*\[(.*)\]\s*$/.exec(node.expression ?? "")?.[1] ?? null;
  if (name === null || name.trim() === "") {
    throw new ExpressionError(
      `An Attribute node has no attribute name (expression ${JSON.stringify(node.expression)})`,
    );
  }
  return name.trim();
}

/** Source attributes an expression reads, in order of first use, for the Import step. */
export function attributesUsedBy(source: AttributeMappingSource): string[] {
  const seen = new Set<string>();
  const visit = (node: AttributeMappingSource): void => {
    if (node.type === "Attribute") seen.add(attributeName(node));
    for (const parameter of node.parameters ?? []) if (parameter?.value) visit(parameter.value);
  };
  visit(source);
  return [...seen];
}

import type { MappingSource } from "./mapping-schema";

function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function constantText(node: MappingSource): string {
  const expression = node.expression?.trim();
  if (expression) return expression.startsWith('"') ? expression : quoted(expression);
  return node.name === null || node.name === undefined ? "" : quoted(node.name);
}

/**
 * An attribute mapping's source as an admin writes it: Graph's own `expression` text when it gives
 * one, else rebuilt from the tree (`Join(" ", [givenName], [surname])`). Null for no source at all.
 */
export function expressionTextOf(source: MappingSource | null | undefined): string | null {
  if (!source) return null;
  const given = source.expression?.trim();
  if (given && source.type !== "Constant") return given;
  return rebuild(source, 0);
}

function rebuild(node: MappingSource, depth: number): string {
  if (depth > 64) return "…";
  switch (node.type) {
    case "Attribute":
      return `[${node.name ?? node.expression?.replace(/^\[|\]$/g, "") ?? ""}]`;
    case "Constant":
      return constantText(node);
    default: {
      const args = (node.parameters ?? []).map((parameter) =>
        parameter?.value ? rebuild(parameter.value, depth + 1) : "",
      );
      return `${node.name ?? "?"}(${args.join(", ")})`;
    }
  }
}

/** The source attributes a mapping's tree reads, in order of first use. */
export function attributesReadBy(source: MappingSource | null | undefined): string[] {
  const seen = new Set<string>();
  const visit = (node: MappingSource, depth: number): void => {
    if (depth > 64) return;
    if (node.type === "Attribute") {
      const name = (node.name ?? /^\s*\[(.*)\]\s*$/.exec(node.expression ?? "")?.[1] ?? "").trim();
      if (name) seen.add(name);
    }
    for (const parameter of node.parameters ?? []) if (parameter?.value) visit(parameter.value, depth + 1);
  };
  if (source) visit(source, 0);
  return [...seen];
}

/**
 * The attributes an expression's text names (`[mail]`), outside string constants, in order of first
 * use: what a test input must hold before the expression is parsed.
 */
export function attributesInExpression(text: string): string[] {
  const seen = new Set<string>();
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === "[") {
      const end = text.indexOf("]", i + 1);
      if (end < 0) break;
      const name = text.slice(i + 1, end).trim();
      if (name && !name.includes("[")) seen.add(name);
      i = end;
    }
  }
  return [...seen];
}

import "server-only";
import { badRequest, unsupportedQuery } from "./graph-error";
import { lowerCaseOf } from "./lower-case-keys";
import type { ResourceSpec } from "./resources";

// The slice of OData $filter that Graph's directory supports without advanced queries:
// eq, ne, in, startswith(), and/or/not, parentheses; string, boolean and null literals.

type Literal = string | boolean | null | number;
type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: "eq" | "ne"; property: string; value: Literal }
  | { kind: "in"; property: string; values: Literal[] }
  | { kind: "startswith"; property: string; value: string };

type Token =
  | { type: "punct"; value: "(" | ")" | ","; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "word"; value: string; at: number }
  | { type: "number"; value: number; at: number };

const invalid = (text: string, reason: string) =>
  badRequest(`Invalid filter clause: ${reason} in '${text}'.`);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ type: "punct", value: c, at: i++ });
    } else if (c === "'") {
      const start = i++;
      let value = "";
      for (;;) {
        if (i >= text.length) throw invalid(text, `unterminated string literal at position ${start}`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: "string", value, at: start });
    } else if (/[-\d]/.test(c)) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(i));
      if (!match) throw invalid(text, `syntax error at position ${i}`);
      tokens.push({ type: "number", value: Number(match[0]), at: i });
      i += match[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const match = /^[A-Za-z_$][\w$./]*/.exec(text.slice(i))!;
      tokens.push({ type: "word", value: match[0], at: i });
      i += match[0].length;
    } else {
      throw invalid(text, `syntax error at position ${i}`);
    }
  }
  return tokens;
}

function parse(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (t: Token | undefined, w: string): boolean =>
    t?.type === "word" && t.value.toLowerCase() === w;
  const isPunct = (t: Token | undefined, p: "(" | ")" | ","): boolean => t?.type === "punct" && t.value === p;
  const expectPunct = (p: "(" | ")" | ",") => {
    const t = tokens[pos++];
    if (!isPunct(t, p)) throw invalid(text, `expected '${p}' at position ${t?.at ?? text.length}`);
  };
  const literal = (): Literal => {
    const t = tokens[pos++];
    if (!t) throw invalid(text, "a value is missing at the end");
    if (t.type === "string" || t.type === "number") return t.value;
    if (isWord(t, "true")) return true;
    if (isWord(t, "false")) return false;
    if (isWord(t, "null")) return null;
    throw invalid(text, `expected a value at position ${t.at}`);
  };
  const property = (): string => {
    const t = tokens[pos++];
    if (t?.type !== "word")
      throw invalid(text, `expected a property name at position ${t?.at ?? text.length}`);
    return t.value;
  };

  const primary = (): FilterNode => {
    const t = peek();
    if (isPunct(t, "(")) {
      pos++;
      const inner = or();
      expectPunct(")");
      return inner;
    }
    if (isWord(t, "not")) {
      pos++;
      return { kind: "not", operand: primary() };
    }
    if (t?.type === "word" && isPunct(tokens[pos + 1], "(")) {
      const fn = t.value.toLowerCase();
      if (fn !== "startswith")
        throw unsupportedQuery(
          `Unsupported query function '${t.value}' in $filter; use startswith, eq, ne or in.`,
        );
      pos += 2;
      const name = property();
      expectPunct(",");
      const value = literal();
      expectPunct(")");
      if (typeof value !== "string") throw invalid(text, "startswith needs a string value");
      return { kind: "startswith", property: name, value };
    }
    const name = property();
    const op = tokens[pos++];
    const opName = op?.type === "word" ? op.value.toLowerCase() : null;
    if (opName === "eq" || opName === "ne")
      return { kind: "compare", op: opName, property: name, value: literal() };
    if (opName === "in") {
      expectPunct("(");
      const values = [literal()];
      while (isPunct(peek(), ",")) {
        pos++;
        values.push(literal());
      }
      expectPunct(")");
      return { kind: "in", property: name, values };
    }
    if (opName !== null && ["gt", "ge", "lt", "le", "has"].includes(opName))
      throw unsupportedQuery(`Unsupported operator '${opName}' in $filter on property '${name}'.`);
    throw invalid(text, `expected an operator after '${name}' at position ${op?.at ?? text.length}`);
  };
  const and = (): FilterNode => {
    let left = primary();
    while (isWord(peek(), "and")) {
      pos++;
      left = { kind: "and", left, right: primary() };
    }
    return left;
  };
  const or = (): FilterNode => {
    let left = and();
    while (isWord(peek(), "or")) {
      pos++;
      left = { kind: "or", left, right: and() };
    }
    return left;
  };

  if (tokens.length === 0) throw invalid(text, "the expression is empty");
  const node = or();
  if (pos < tokens.length) throw invalid(text, `syntax error at position ${tokens[pos]!.at}`);
  return node;
}

export type ItemPredicate<T> = (item: T) => boolean;

/** Parses a $filter and compiles it against a resource's filterable properties. */
export function compileFilter<T extends object>(text: string, spec: ResourceSpec<T>): ItemPredicate<T> {
  const resolve = (name: string): [string, (item: T) => unknown] => {
    const canonical = spec.filterable.find((p) => p.toLowerCase() === name.toLowerCase());
    const getter = canonical ? spec.properties[canonical] : undefined;
    if (!canonical || !getter)
      throw unsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${name}' of resource '${spec.typeName}'.`,
      );
    return [canonical, getter];
  };
  const equals = (item: T, property: string, actual: unknown, expected: Literal): boolean => {
    if (typeof actual === "string" && typeof expected === "string")
      return lowerCaseOf(item, property, actual) === expected.toLowerCase();
    return actual === expected;
  };
  const compile = (node: FilterNode): ItemPredicate<T> => {
    switch (node.kind) {
      case "and": {
        const [l, r] = [compile(node.left), compile(node.right)];
        return (item) => l(item) && r(item);
      }
      case "or": {
        const [l, r] = [compile(node.left), compile(node.right)];
        return (item) => l(item) || r(item);
      }
      case "not": {
        const inner = compile(node.operand);
        return (item) => !inner(item);
      }
      case "compare": {
        const [property, get] = resolve(node.property);
        const { value, op } = node;
        return op === "eq"
          ? (item) => equals(item, property, get(item), value)
          : (item) => !equals(item, property, get(item), value);
      }
      case "in": {
        const [property, get] = resolve(node.property);
        const { values } = node;
        return (item) => {
          const actual = get(item);
          return values.some((v) => equals(item, property, actual, v));
        };
      }
      case "startswith": {
        const [property, get] = resolve(node.property);
        const prefix = node.value.toLowerCase();
        return (item) => {
          const actual = get(item);
          return typeof actual === "string" && lowerCaseOf(item, property, actual).startsWith(prefix);
        };
      }
    }
  };
  return compile(parse(text));
}

import "server-only";
import type { FilterOperator } from "./graph-filters";
import { badRequest, unsupportedQuery } from "./graph-error";
import { lowerCaseOf } from "./lower-case-keys";
import type { ResourceSpec } from "./resources";

// OData $filter as Graph's directory understands it: eq, ne, gt, ge, lt, le, in, not, and/or,
// parentheses; startswith() and endswith(); any/all lambdas over collections; `/$count` of a
// collection; sub-properties of complex values (employeeOrgData/costCenter); string, number,
// boolean, null and date-time literals. Each property allows the operators Graph documents for it.
// No npm OData parser fits: the maintained ones lack the `in` operator, which Graph clients use most.

type Literal = string | boolean | null | number | { dateTime: string };
type Path = { segments: string[]; count: boolean };
type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: "eq" | "ne" | "gt" | "ge" | "lt" | "le"; path: Path; value: Literal }
  | { kind: "in"; path: Path; values: Literal[] }
  | { kind: "function"; name: "startswith" | "endswith"; path: Path; value: string }
  | { kind: "lambda"; quantifier: "any" | "all"; collection: string[]; variable: string; body: FilterNode };

type Punct = "(" | ")" | "," | ":";
type Token =
  | { type: "punct"; value: Punct; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "word"; value: string; at: number }
  | { type: "number"; value: number; at: number }
  | { type: "dateTime"; value: string; at: number };

const invalid = (text: string, reason: string) =>
  badRequest(`Invalid filter clause: ${reason} in '${text}'.`);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")" || c === "," || c === ":") {
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
    } else if (DATE_TIME.test(text.slice(i))) {
      const [match] = DATE_TIME.exec(text.slice(i))!;
      tokens.push({ type: "dateTime", value: match, at: i });
      i += match.length;
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

const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const LAMBDA = /^(.+)\/(any|all)$/i;

function parse(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (t: Token | undefined, w: string): boolean =>
    t?.type === "word" && t.value.toLowerCase() === w;
  const isPunct = (t: Token | undefined, p: Punct): boolean => t?.type === "punct" && t.value === p;
  const expectPunct = (p: Punct) => {
    const t = tokens[pos++];
    if (!isPunct(t, p)) throw invalid(text, `expected '${p}' at position ${t?.at ?? text.length}`);
  };
  const literal = (): Literal => {
    const t = tokens[pos++];
    if (!t) throw invalid(text, "a value is missing at the end");
    if (t.type === "string" || t.type === "number") return t.value;
    if (t.type === "dateTime") return { dateTime: t.value };
    if (isWord(t, "true")) return true;
    if (isWord(t, "false")) return false;
    if (isWord(t, "null")) return null;
    throw invalid(text, `expected a value at position ${t.at}`);
  };
  const path = (): Path => {
    const t = tokens[pos++];
    if (t?.type !== "word")
      throw invalid(text, `expected a property name at position ${t?.at ?? text.length}`);
    const segments = t.value.split("/");
    const count = segments.at(-1) === "$count";
    if (count) segments.pop();
    if (segments.some((s) => s === "" || s.startsWith("$")))
      throw invalid(text, `'${t.value}' is not a property path`);
    return { segments, count };
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
      const lambda = LAMBDA.exec(t.value);
      if (lambda) {
        pos += 2;
        const variable = tokens[pos++];
        if (variable?.type !== "word" || variable.value.includes("/"))
          throw invalid(text, `expected a lambda variable at position ${variable?.at ?? text.length}`);
        expectPunct(":");
        const body = or();
        expectPunct(")");
        return {
          kind: "lambda",
          quantifier: lambda[2]!.toLowerCase() as "any" | "all",
          collection: lambda[1]!.split("/"),
          variable: variable.value,
          body,
        };
      }
      const fn = t.value.toLowerCase();
      if (fn !== "startswith" && fn !== "endswith")
        throw unsupportedQuery(
          `Unsupported query function '${t.value}' in $filter; use startswith, endswith, eq, ne or in.`,
        );
      pos += 2;
      const target = path();
      expectPunct(",");
      const value = literal();
      expectPunct(")");
      if (typeof value !== "string") throw invalid(text, `${fn} needs a string value`);
      return { kind: "function", name: fn, path: target, value };
    }
    const target = path();
    const op = tokens[pos++];
    const opName = op?.type === "word" ? op.value.toLowerCase() : null;
    if (opName !== null && COMPARISONS.has(opName))
      return {
        kind: "compare",
        op: opName as "eq" | "ne" | "gt" | "ge" | "lt" | "le",
        path: target,
        value: literal(),
      };
    if (opName === "in") {
      expectPunct("(");
      const values = [literal()];
      while (isPunct(peek(), ",")) {
        pos++;
        values.push(literal());
      }
      expectPunct(")");
      return { kind: "in", path: target, values };
    }
    if (opName === "has")
      throw unsupportedQuery(
        `Unsupported operator 'has' in $filter on property '${target.segments.join("/")}'.`,
      );
    throw invalid(
      text,
      `expected an operator after '${target.segments.join("/")}' at position ${op?.at ?? text.length}`,
    );
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

export interface CompiledFilter<T> {
  predicate: ItemPredicate<T>;
  /** Operators that Graph serves only as an advanced query (ConsistencyLevel: eventual and $count=true). */
  advanced: string[];
}

/** A value during evaluation: the item's property, or a lambda variable's element. */
type Scope = Map<string, unknown>;

const isDateTime = (v: Literal): v is { dateTime: string } => typeof v === "object" && v !== null;

function compareValues(actual: unknown, expected: Literal): number | null {
  if (actual === null || actual === undefined || expected === null) return null;
  if (isDateTime(expected)) {
    const a = typeof actual === "string" ? Date.parse(actual) : NaN;
    const b = Date.parse(expected.dateTime);
    return Number.isNaN(a) || Number.isNaN(b) ? null : a - b;
  }
  if (typeof actual === "string" && typeof expected === "string") {
    const [a, b] = [actual.toLowerCase(), expected.toLowerCase()];
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof actual === "number" && typeof expected === "number") return actual - expected;
  return null;
}

function equals(actual: unknown, expected: Literal, lower?: () => string): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (isDateTime(expected)) return compareValues(actual, expected) === 0;
  if (typeof actual === "string" && typeof expected === "string")
    return (lower ? lower() : actual.toLowerCase()) === expected.toLowerCase();
  return actual === expected;
}

const readPath = (value: unknown, segments: string[]): unknown => {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    const key = Object.keys(current).find((k) => k.toLowerCase() === segment.toLowerCase());
    current = key === undefined ? undefined : (current as Record<string, unknown>)[key];
  }
  return current;
};

/** Parses a $filter and compiles it against a resource's properties and the operators each allows. */
export function compileFilter<T extends object>(text: string, spec: ResourceSpec<T>): CompiledFilter<T> {
  const advanced = new Set<string>();
  const refuse = (name: string) =>
    unsupportedQuery(
      `Unsupported or invalid query filter clause specified for property '${name}' of resource '${spec.typeName}'.`,
    );
  const property = (name: string) => {
    const canonical = Object.keys(spec.filters).find((p) => p.toLowerCase() === name.toLowerCase());
    const read = canonical ? spec.properties[canonical] : undefined;
    if (!canonical || !read) throw refuse(name);
    return { canonical, read, operators: spec.filters[canonical]! };
  };
  const allow = (operators: readonly FilterOperator[], needed: FilterOperator, name: string) => {
    if (!operators.includes(needed)) throw refuse(name);
  };

  /** Resolves a path: a lambda variable (and its sub-path) or an item property (and its sub-path). */
  const resolve = (
    path: Path,
    scope: Set<string>,
    needed: FilterOperator,
    lambdaOperators?: readonly FilterOperator[],
  ) => {
    const [head, ...rest] = path.segments as [string, ...string[]];
    if (scope.has(head)) {
      if (path.count) throw refuse(path.segments.join("/"));
      if (lambdaOperators) allow(lambdaOperators, needed, head);
      return { get: (_item: T, vars: Scope) => readPath(vars.get(head), rest), lower: null };
    }
    const { canonical, read, operators } = property(head);
    if (path.count) {
      if (rest.length > 0) throw refuse(path.segments.join("/"));
      allow(operators, "count", canonical);
      advanced.add("$count");
      return {
        get: (item: T) => {
          const value = read(item);
          return Array.isArray(value) ? value.length : 0;
        },
        lower: null,
      };
    }
    allow(operators, needed, canonical);
    if (rest.length > 0) return { get: (item: T) => readPath(read(item), rest), lower: null };
    return {
      get: (item: T) => read(item),
      lower: (item: T) => {
        const v = read(item);
        return typeof v === "string" ? lowerCaseOf(item, canonical, v) : "";
      },
    };
  };

  type Compiled = (item: T, vars: Scope) => boolean;
  const compile = (
    node: FilterNode,
    scope: Set<string>,
    lambdaOperators?: readonly FilterOperator[],
  ): Compiled => {
    switch (node.kind) {
      case "and": {
        const [l, r] = [
          compile(node.left, scope, lambdaOperators),
          compile(node.right, scope, lambdaOperators),
        ];
        return (item, vars) => l(item, vars) && r(item, vars);
      }
      case "or": {
        const [l, r] = [
          compile(node.left, scope, lambdaOperators),
          compile(node.right, scope, lambdaOperators),
        ];
        return (item, vars) => l(item, vars) || r(item, vars);
      }
      case "not": {
        advanced.add("not");
        const inner = compile(node.operand, scope, lambdaOperators);
        return (item, vars) => !inner(item, vars);
      }
      case "compare": {
        const needed: FilterOperator = node.op === "gt" ? "ge" : node.op === "lt" ? "le" : node.op;
        const { get, lower } = resolve(node.path, scope, needed, lambdaOperators);
        const { op, value } = node;
        if (op !== "eq") advanced.add(op);
        if (op === "eq")
          return (item, vars) => equals(get(item, vars), value, lower ? () => lower(item) : undefined);
        if (op === "ne")
          return (item, vars) => !equals(get(item, vars), value, lower ? () => lower(item) : undefined);
        return (item, vars) => {
          const order = compareValues(get(item, vars), value);
          if (order === null) return false;
          return op === "gt" ? order > 0 : op === "ge" ? order >= 0 : op === "lt" ? order < 0 : order <= 0;
        };
      }
      case "in": {
        const { get, lower } = resolve(node.path, scope, "in", lambdaOperators);
        const { values } = node;
        return (item, vars) => {
          const actual = get(item, vars);
          return values.some((v) => equals(actual, v, lower ? () => lower(item) : undefined));
        };
      }
      case "function": {
        const needed: FilterOperator = node.name === "startswith" ? "startsWith" : "endsWith";
        if (needed === "endsWith") advanced.add("endsWith");
        const { get } = resolve(node.path, scope, needed, lambdaOperators);
        const affix = node.value.toLowerCase();
        return (item, vars) => {
          const actual = get(item, vars);
          if (typeof actual !== "string") return false;
          const lower = actual.toLowerCase();
          return needed === "startsWith" ? lower.startsWith(affix) : lower.endsWith(affix);
        };
      }
      case "lambda": {
        if (scope.size > 0) throw refuse(node.collection.join("/"));
        const [head, ...rest] = node.collection as [string, ...string[]];
        const { canonical, read, operators } = property(head);
        if (rest.length > 0) throw refuse(node.collection.join("/"));
        if (node.quantifier === "all") advanced.add("all");
        const body = compile(node.body, new Set([node.variable]), operators);
        const variable = node.variable;
        return (item) => {
          const collection = read(item);
          if (!Array.isArray(collection)) throw refuse(canonical);
          const test = (element: unknown) => body(item, new Map([[variable, element]]));
          return node.quantifier === "any" ? collection.some(test) : collection.every(test);
        };
      }
    }
  };
  const compiled = compile(parse(text), new Set());
  const none: Scope = new Map();
  return { predicate: (item) => compiled(item, none), advanced: [...advanced] };
}

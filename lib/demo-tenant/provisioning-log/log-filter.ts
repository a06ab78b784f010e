import "server-only";
import { badRequest, unsupportedQuery } from "../graph/graph-error";
import type { LogRecord } from "./entry";

// $filter of GET /auditLogs/provisioning as Graph documents it: eq, contains, gt, lt (and, or, not,
// parentheses, tolower()), and "the filters are all case sensitive": 'Failure' does not match 'failure'.

type Literal =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "time"; value: number };

type Operand = { property: Property; lower: boolean };

export type LogFilterNode =
  | { kind: "and" | "or"; left: LogFilterNode; right: LogFilterNode }
  | { kind: "not"; operand: LogFilterNode }
  | { kind: "compare"; op: "eq" | "gt" | "lt"; operand: Operand; value: Literal }
  | { kind: "contains"; operand: Operand; value: string };

/** The fields the log keeps in an index; an `eq` on one of them needs no full scan. */
export type IndexedField =
  | "id"
  | "jobId"
  | "changeId"
  | "cycleId"
  | "sourceId"
  | "targetId"
  | "servicePrincipalId";

interface Property {
  name: string;
  type: "string" | "number" | "time";
  read(record: LogRecord): string | number;
  index?: IndexedField;
}

const text = (name: string, read: (r: LogRecord) => string, index?: IndexedField): Property => ({
  name,
  type: "string",
  read,
  index,
});

const COMMON: Property[] = [
  text("id", (r) => r.id, "id"),
  { name: "activityDateTime", type: "time", read: (r) => r.at },
  text("tenantId", (r) => r.tenantId),
  text("jobId", (r) => r.jobId, "jobId"),
  text("changeId", (r) => r.changeId, "changeId"),
  text("cycleId", (r) => r.cycleId, "cycleId"),
  text("provisioningAction", (r) => r.action),
  { name: "durationInMilliseconds", type: "number", read: (r) => r.durationMs },
  text("provisioningStatusInfo/status", (r) => r.status),
  text("sourceSystem/displayName", (r) => r.sourceSystem),
  text("targetSystem/displayName", (r) => r.targetSystem),
  text("sourceIdentity/identityType", (r) => r.sourceType),
  text("targetIdentity/identityType", (r) => r.targetType),
  text("sourceIdentity/id", (r) => r.sourceId, "sourceId"),
  text("targetIdentity/id", (r) => r.targetId, "targetId"),
  text("sourceIdentity/displayName", (r) => r.sourceName),
  text("targetIdentity/displayName", (r) => r.targetName),
  text("servicePrincipal/id", (r) => r.servicePrincipalId, "servicePrincipalId"),
  text("servicePrincipal/displayName", (r) => r.servicePrincipalName),
  text("initiatedBy/displayName", (r) => r.initiatorName),
];

const PASCAL: Record<string, string> = {
  create: "Create",
  update: "Update",
  delete: "Delete",
  stageddelete: "StagedDelete",
  disable: "Disable",
  other: "Other",
};

// beta also filters on the deprecated fields it still serves.
const BETA_ONLY: Property[] = [
  text("action", (r) => PASCAL[r.action.toLowerCase()] ?? r.action),
  text("statusInfo/status", (r) => r.status),
];

type Token =
  | { type: "punct"; value: "(" | ")" | ","; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "word"; value: string; at: number }
  | { type: "literal"; value: Literal; at: number };

const invalid = (text: string, reason: string) =>
  badRequest(`Invalid filter clause: ${reason} in '${text}'.`);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ type: "punct", value: c, at: i++ });
    } else if (c === "'") {
      const start = i++;
      let value = "";
      for (;;) {
        if (i >= source.length) throw invalid(source, `unterminated string literal at position ${start}`);
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i++];
      }
      tokens.push({ type: "string", value, at: start });
    } else if (/[-\d]/.test(c)) {
      const match = /^[-+\d][\d\-:.TZ+]*/.exec(source.slice(i))!;
      const raw = match[0];
      if (ISO_TIME.test(raw))
        tokens.push({ type: "literal", value: { kind: "time", value: Date.parse(raw) }, at: i });
      else if (/^-?\d+(\.\d+)?$/.test(raw))
        tokens.push({ type: "literal", value: { kind: "number", value: Number(raw) }, at: i });
      else throw invalid(source, `'${raw}' is neither a number nor a date and time at position ${i}`);
      i += raw.length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const match = /^[A-Za-z_$][\w$./]*/.exec(source.slice(i))!;
      tokens.push({ type: "word", value: match[0], at: i });
      i += match[0].length;
    } else {
      throw invalid(source, `syntax error at position ${i}`);
    }
  }
  return tokens;
}

/** Parses a provisioning-log $filter; properties by name (any case), values compared as given. */
export function parseLogFilter(source: string, version: "v1.0" | "beta"): LogFilterNode {
  const properties = version === "beta" ? [...COMMON, ...BETA_ONLY] : COMMON;
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (t: Token | undefined, w: string) => t?.type === "word" && t.value.toLowerCase() === w;
  const isPunct = (t: Token | undefined, p: "(" | ")" | ",") => t?.type === "punct" && t.value === p;
  const expect = (p: "(" | ")" | ",") => {
    const t = tokens[pos++];
    if (!isPunct(t, p)) throw invalid(source, `expected '${p}' at position ${t?.at ?? source.length}`);
  };
  const property = (): Property => {
    const t = tokens[pos++];
    if (t?.type !== "word")
      throw invalid(source, `expected a property at position ${t?.at ?? source.length}`);
    const found = properties.find((p) => p.name.toLowerCase() === t.value.toLowerCase());
    if (!found)
      throw unsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${t.value}' of resource 'provisioningObjectSummary'.`,
      );
    return found;
  };
  const operand = (): Operand => {
    if (isWord(peek(), "tolower") && isPunct(tokens[pos + 1], "(")) {
      pos += 2;
      const inner = property();
      expect(")");
      return { property: inner, lower: true };
    }
    return { property: property(), lower: false };
  };
  const literal = (): Literal => {
    const t = tokens[pos++];
    if (t?.type === "string") return { kind: "string", value: t.value };
    if (t?.type === "literal") return t.value;
    throw invalid(source, `expected a value at position ${t?.at ?? source.length}`);
  };

  const primary = (): LogFilterNode => {
    const t = peek();
    if (isPunct(t, "(")) {
      pos++;
      const inner = or();
      expect(")");
      return inner;
    }
    if (isWord(t, "not")) {
      pos++;
      return { kind: "not", operand: primary() };
    }
    if (t?.type === "word" && isPunct(tokens[pos + 1], "(") && t.value.toLowerCase() !== "tolower") {
      if (t.value.toLowerCase() !== "contains")
        throw unsupportedQuery(
          `Unsupported query function '${t.value}' in $filter; use eq, contains, gt or lt.`,
        );
      pos += 2;
      const target = operand();
      expect(",");
      const value = literal();
      expect(")");
      if (value.kind !== "string") throw invalid(source, "contains needs a string value");
      return { kind: "contains", operand: target, value: value.value };
    }
    const target = operand();
    const op = tokens[pos++];
    const name = op?.type === "word" ? op.value.toLowerCase() : null;
    if (name === "eq" || name === "gt" || name === "lt")
      return { kind: "compare", op: name, operand: target, value: literal() };
    if (name !== null && ["ne", "ge", "le", "in", "has"].includes(name))
      throw unsupportedQuery(
        `Unsupported operator '${name}' in $filter on '${target.property.name}'; use eq, contains, gt or lt.`,
      );
    throw invalid(
      source,
      `expected an operator after '${target.property.name}' at position ${op?.at ?? source.length}`,
    );
  };
  const and = (): LogFilterNode => {
    let left = primary();
    while (isWord(peek(), "and")) {
      pos++;
      left = { kind: "and", left, right: primary() };
    }
    return left;
  };
  function or(): LogFilterNode {
    let left = and();
    while (isWord(peek(), "or")) {
      pos++;
      left = { kind: "or", left, right: and() };
    }
    return left;
  }

  if (tokens.length === 0) throw invalid(source, "the expression is empty");
  const node = or();
  if (pos < tokens.length) throw invalid(source, `syntax error at position ${tokens[pos]!.at}`);
  checkTypes(node, source);
  return node;
}

function checkTypes(node: LogFilterNode, source: string): void {
  switch (node.kind) {
    case "and":
    case "or":
      checkTypes(node.left, source);
      checkTypes(node.right, source);
      return;
    case "not":
      checkTypes(node.operand, source);
      return;
    case "contains":
      if (node.operand.property.type !== "string")
        throw invalid(source, `contains applies to text, not to '${node.operand.property.name}'`);
      return;
    case "compare": {
      const { property } = node.operand;
      if (property.type === "string" && node.op !== "eq")
        throw unsupportedQuery(`'${property.name}' supports eq and contains only.`);
      if (property.type === "time" && node.value.kind === "string") {
        const ms = Date.parse(node.value.value);
        if (Number.isNaN(ms)) throw invalid(source, `'${node.value.value}' is not a date and time`);
        node.value = { kind: "time", value: ms };
      }
      const wanted = property.type === "string" ? "string" : property.type === "number" ? "number" : "time";
      if (node.value.kind !== wanted)
        throw invalid(source, `'${property.name}' is compared with a ${node.value.kind}, not a ${wanted}`);
    }
  }
}

export type LogPredicate = (record: LogRecord) => boolean;

export function compileLogFilter(node: LogFilterNode): LogPredicate {
  switch (node.kind) {
    case "and": {
      const [l, r] = [compileLogFilter(node.left), compileLogFilter(node.right)];
      return (record) => l(record) && r(record);
    }
    case "or": {
      const [l, r] = [compileLogFilter(node.left), compileLogFilter(node.right)];
      return (record) => l(record) || r(record);
    }
    case "not": {
      const inner = compileLogFilter(node.operand);
      return (record) => !inner(record);
    }
    case "contains": {
      const { property, lower } = node.operand;
      const wanted = node.value;
      return (record) => {
        const value = String(property.read(record));
        return (lower ? value.toLowerCase() : value).includes(wanted);
      };
    }
    case "compare": {
      const { property, lower } = node.operand;
      const wanted = node.value.value;
      const read = lower
        ? (record: LogRecord) => String(property.read(record)).toLowerCase()
        : (record: LogRecord) => property.read(record);
      if (node.op === "eq") return (record) => read(record) === wanted;
      if (node.op === "gt") return (record) => read(record) > wanted;
      return (record) => read(record) < wanted;
    }
  }
}

type Lookup = { field: IndexedField; value: string };

/**
 * The index look-ups that cover every match: a case-sensitive `eq` on an indexed field, the
 * smaller side of an `and` (by `size`), the union of an `or`. Null when only a full scan finds them all.
 */
export function indexLookups(node: LogFilterNode, size: (lookup: Lookup) => number): Lookup[] | null {
  switch (node.kind) {
    case "compare": {
      const { property, lower } = node.operand;
      if (node.op !== "eq" || lower || !property.index || node.value.kind !== "string") return null;
      return [{ field: property.index, value: node.value.value }];
    }
    case "and": {
      const [l, r] = [indexLookups(node.left, size), indexLookups(node.right, size)];
      if (l === null) return r;
      if (r === null) return l;
      const total = (lookups: Lookup[]) => lookups.reduce((sum, lookup) => sum + size(lookup), 0);
      return total(l) <= total(r) ? l : r;
    }
    case "or": {
      const [l, r] = [indexLookups(node.left, size), indexLookups(node.right, size)];
      return l === null || r === null ? null : [...l, ...r];
    }
    default:
      return null;
  }
}

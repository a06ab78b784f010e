import type { ScopeClauseInput, ScopeGroupInput, ScopingFilterInput } from "./mapping-schema";

/** A source value as a scoping clause sees it: one string, several, or none. */
export type ScopeValue = string | readonly string[] | null;

export interface EvaluatedClause {
  attribute: string;
  operator: string;
  values: string[];
  /** The object's value of the attribute. */
  value: ScopeValue;
  held: boolean;
  /** Why it did not hold when that is not plain from the values (no value, not an integer, …). */
  note: string | null;
}

export interface EvaluatedFilter {
  name: string | null;
  /** Every clause holds (an empty filter holds). */
  held: boolean;
  clauses: EvaluatedClause[];
}

export interface ScopeEvaluation {
  /** In scope: some filter of `filters` holds (or there is none), and likewise for `inputFilters`. */
  inScope: boolean;
  /** The scoping filter's groups: clauses AND-ed within a group, groups OR-ed. */
  filters: EvaluatedFilter[];
  /** The early ("input") filter groups, evaluated the same way; leaving them does not deprovision. */
  inputFilters: EvaluatedFilter[];
  unknownOperators: string[];
}

type Subject = { kind: "none" } | { kind: "single"; value: string } | { kind: "multiple" };
type Verdict = { held: boolean; note: string | null };

const NO_VALUE = "The attribute has no value, and a clause on an empty value is false.";
const MULTIPLE = "The attribute has several values; scoping filters do not evaluate multi-valued attributes.";

function subjectOf(value: ScopeValue): Subject {
  if (value === null || value === "") return { kind: "none" };
  if (typeof value === "string") return { kind: "single", value };
  const kept = value.filter((v) => v !== "");
  if (kept.length === 0) return { kind: "none" };
  return kept.length === 1 ? { kind: "single", value: kept[0]! } : { kind: "multiple" };
}

const INTEGER = /^[+-]?\d+$/;

function integers(value: string, target: string): [bigint, bigint] | null {
  return INTEGER.test(value.trim()) && INTEGER.test(target.trim())
    ? [BigInt(value.trim()), BigInt(target.trim())]
    : null;
}

function regex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

interface Operator {
  unary: boolean;
  judge(subject: Subject, targets: readonly string[]): Verdict;
}

/** A binary operator that holds when some target value passes `test`; false on no value or several. */
function some(test: (value: string, target: string) => boolean | string): Operator {
  return {
    unary: false,
    judge(subject, targets) {
      if (subject.kind === "none") return { held: false, note: NO_VALUE };
      if (subject.kind === "multiple") return { held: false, note: MULTIPLE };
      let note: string | null = null;
      for (const target of targets) {
        const result = test(subject.value, target);
        if (result === true) return { held: true, note: null };
        if (typeof result === "string") note = result;
      }
      return { held: false, note };
    },
  };
}

/** A negated binary operator: holds when no target value passes `test`, and only on a single value. */
function none(test: (value: string, target: string) => boolean | string): Operator {
  const positive = some(test);
  return {
    unary: false,
    judge(subject, targets) {
      if (subject.kind !== "single") return positive.judge(subject, targets);
      if (targets.length === 0) return { held: false, note: "The clause names no value to compare with." };
      for (const target of targets) {
        const result = test(subject.value, target);
        if (typeof result === "string") return { held: false, note: result };
        if (result) return { held: false, note: null };
      }
      return { held: true, note: null };
    },
  };
}

const compareIntegers =
  (test: (a: bigint, b: bigint) => boolean) =>
  (value: string, target: string): boolean | string => {
    const pair = integers(value, target);
    return pair === null
      ? "This operator compares whole numbers only, and one side is not one."
      : test(pair[0], pair[1]);
  };

const matches = (value: string, pattern: string): boolean | string => {
  const compiled = regex(pattern);
  return compiled === null ? `'${pattern}' is not a valid regular expression.` : compiled.test(value);
};

function isBoolean(wanted: "true" | "false"): Operator {
  return {
    unary: true,
    judge(subject) {
      if (subject.kind === "none") return { held: false, note: NO_VALUE };
      if (subject.kind === "multiple") return { held: false, note: MULTIPLE };
      return { held: subject.value.trim().toLowerCase() === wanted, note: null };
    },
  };
}

/** The documented scoping operators; EQUALS, ENDS WITH and INCLUDES compare case-sensitively. */
const OPERATORS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ["EQUALS", some((value, target) => value === target)],
  ["NOT EQUALS", none((value, target) => value === target)],
  ["ENDS WITH", some((value, target) => value.endsWith(target))],
  ["INCLUDES", some((value, target) => value.includes(target))],
  ["REGEX MATCH", some(matches)],
  ["NOT REGEX MATCH", none(matches)],
  ["GREATER THAN", some(compareIntegers((a, b) => a > b))],
  ["GREATER THAN OR EQUALS", some(compareIntegers((a, b) => a >= b))],
  ["&", some(compareIntegers((a, b) => (a & b) !== 0n))],
  ["!&", some(compareIntegers((a, b) => (a & b) === 0n))],
  ["IS TRUE", isBoolean("true")],
  ["IS FALSE", isBoolean("false")],
  ["IS NULL", { unary: true, judge: (subject) => ({ held: subject.kind === "none", note: null }) }],
  ["IS NOT NULL", { unary: true, judge: (subject) => ({ held: subject.kind !== "none", note: null }) }],
]);

/** Operator names in any case, with spaces or underscores ("ENDS_WITH", "Greater_Than"). */
export function scopingOperatorKey(name: string): string {
  return (name ?? "")
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, " ");
}

/** The operators this console evaluates, in the schema's spelling. */
export const SCOPING_OPERATORS: readonly string[] = [...OPERATORS.keys()];

export function isUnaryScopingOperator(name: string): boolean {
  return OPERATORS.get(scopingOperatorKey(name))?.unary ?? false;
}

/**
 * Evaluates an object mapping's scoping filter for one object. Clauses are AND-ed within a filter
 * group, groups are OR-ed; no group at all puts every object in scope; a clause on a null or empty
 * value is false (IS NULL aside). Every clause is evaluated, so the answer can show each one.
 */
export function evaluateScope(
  filter: ScopingFilterInput | null | undefined,
  read: (attribute: string) => ScopeValue,
): ScopeEvaluation {
  const unknownOperators: string[] = [];
  const evaluateGroups = (groups: readonly ScopeGroupInput[] | null | undefined): EvaluatedFilter[] =>
    (groups ?? []).map((group) => {
      const clauses = (group.clauses ?? []).map((clause) => evaluateClause(clause, read, unknownOperators));
      return { name: group.name ?? null, held: clauses.every((c) => c.held), clauses };
    });
  const filters = evaluateGroups(filter?.groups);
  const inputFilters = evaluateGroups(filter?.inputFilterGroups);
  const passes = (groups: EvaluatedFilter[]) => groups.length === 0 || groups.some((g) => g.held);
  return { inScope: passes(filters) && passes(inputFilters), filters, inputFilters, unknownOperators };
}

function evaluateClause(
  clause: ScopeClauseInput,
  read: (attribute: string) => ScopeValue,
  unknownOperators: string[],
): EvaluatedClause {
  const values = [...(clause.targetOperand?.values ?? [])];
  const value = read(clause.sourceOperandName);
  const operator = OPERATORS.get(scopingOperatorKey(clause.operatorName));
  if (!operator) {
    if (!unknownOperators.includes(clause.operatorName)) unknownOperators.push(clause.operatorName);
    return {
      attribute: clause.sourceOperandName,
      operator: clause.operatorName,
      values,
      value,
      held: false,
      note: `The operator '${clause.operatorName}' is not one this console knows; it is counted as false.`,
    };
  }
  const verdict = operator.judge(subjectOf(value), values);
  return {
    attribute: clause.sourceOperandName,
    operator: clause.operatorName,
    values: operator.unary ? [] : values,
    value,
    ...verdict,
  };
}

import "server-only";

import type { FilterClause, FilterGroup, ScopingFilter } from "../model";
import { isNullOrEmpty, type AttributeReader, type ExpressionValue } from "./expressions";

export interface ScopeEvaluation {
  inScope: boolean;
  /** Each clause evaluated, keyed "<group name>.<attribute> <OPERATOR> '<value>'" as the ScopeEvaluationResult detail shows it. */
  clauses: Record<string, boolean>;
  /** Operator names the filter uses that the engine does not know; their clauses count as false. */
  unknownOperators: string[];
}

/** A clause's source value: one string, none, or several (which scoping filters do not support). */
type ClauseSubject = { kind: "none" } | { kind: "single"; value: string } | { kind: "multiple" };

interface ScopingOperator {
  unary: boolean;
  /** Whether the clause holds; binary operators see only a present, single value. */
  holds(subject: ClauseSubject, targets: readonly string[]): boolean;
}

/**
 * Evaluates an object mapping's scoping filter: clauses in a group are AND-ed, groups are OR-ed, and
 * both `groups` and the early `inputFilterGroups` must pass when present. No groups → in scope.
 */
export function evaluateScopingFilter(filter: ScopingFilter | null, read: AttributeReader): ScopeEvaluation {
  const evaluation: ScopeEvaluation = { inScope: true, clauses: {}, unknownOperators: [] };
  if (filter === null) return evaluation;
  const passes = (groups: readonly FilterGroup[] | undefined): boolean => {
    if (!groups || groups.length === 0) return true;
    // Every group is evaluated (no short-circuit) so the result lists every clause.
    return groups.map((group) => groupHolds(group, read, evaluation)).some(Boolean);
  };
  const normalScope = passes(filter.groups);
  const inputScope = passes(filter.inputFilterGroups);
  evaluation.inScope = normalScope && inputScope;
  return evaluation;
}

function groupHolds(group: FilterGroup, read: AttributeReader, evaluation: ScopeEvaluation): boolean {
  return (group.clauses ?? []).map((clause) => clauseHolds(group, clause, read, evaluation)).every(Boolean);
}

function clauseHolds(
  group: FilterGroup,
  clause: FilterClause,
  read: AttributeReader,
  evaluation: ScopeEvaluation,
): boolean {
  const operator = SCOPING_OPERATORS.get(operatorKey(clause.operatorName));
  const targets = clause.targetOperand?.values ?? [];
  let holds = false;
  if (operator) {
    holds = operator.holds(subjectOf(read(clause.sourceOperandName) ?? null), targets);
  } else if (!evaluation.unknownOperators.includes(clause.operatorName)) {
    evaluation.unknownOperators.push(clause.operatorName);
  }
  evaluation.clauses[clauseKey(group, clause, operator?.unary ?? false)] = holds;
  return holds;
}

/** "Marketing filter.department EQUALS 'Marketing'"; unary operators carry no value. */
function clauseKey(group: FilterGroup, clause: FilterClause, unary: boolean): string {
  const base = `${group.name}.${clause.sourceOperandName} ${clause.operatorName}`;
  const values = clause.targetOperand?.values ?? [];
  return unary || values.length === 0 ? base : `${base} ${values.map((v) => `'${v}'`).join(", ")}`;
}

function subjectOf(value: ExpressionValue): ClauseSubject {
  if (isNullOrEmpty(value)) return { kind: "none" };
  if (Array.isArray(value))
    return value.length === 1 && value[0] !== ""
      ? { kind: "single", value: value[0]! }
      : { kind: "multiple" };
  return { kind: "single", value: value as string };
}

/** Service names are matched in any case, with spaces and underscores alike ("IS NOT NULL", "Greater_Than"). */
function operatorKey(name: string): string {
  return (name ?? "")
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, " ");
}

const INTEGER = /^[+-]?\d+$/;

function bothIntegers(value: string, target: string): [bigint, bigint] | null {
  return INTEGER.test(value.trim()) && INTEGER.test(target.trim())
    ? [BigInt(value.trim()), BigInt(target.trim())]
    : null;
}

function regexMatches(value: string, pattern: string): boolean | null {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return null;
  }
}

/** Holds when some target value satisfies the test; any clause on a null, empty or multi-valued source is false. */
function anyTarget(test: (value: string, target: string) => boolean): ScopingOperator {
  return {
    unary: false,
    holds: (subject, targets) =>
      subject.kind === "single" && targets.some((target) => test(subject.value, target)),
  };
}

/** Holds when no target value satisfies the test (and the test could be made). */
function noTarget(test: (value: string, target: string) => boolean | null): ScopingOperator {
  return {
    unary: false,
    holds: (subject, targets) =>
      subject.kind === "single" &&
      targets.length > 0 &&
      targets.every((target) => test(subject.value, target) === false),
  };
}

function unary(test: (subject: ClauseSubject) => boolean): ScopingOperator {
  return { unary: true, holds: (subject) => test(subject) };
}

const isBoolean = (subject: ClauseSubject, wanted: "true" | "false"): boolean =>
  subject.kind === "single" && subject.value.trim().toLowerCase() === wanted;

const SCOPING_OPERATORS: ReadonlyMap<string, ScopingOperator> = new Map([
  ["EQUALS", anyTarget((value, target) => value === target)],
  ["NOT EQUALS", noTarget((value, target) => value === target)],
  ["ENDS WITH", anyTarget((value, target) => value.endsWith(target))],
  ["INCLUDES", anyTarget((value, target) => value.includes(target))],
  ["REGEX MATCH", anyTarget((value, target) => regexMatches(value, target) === true)],
  ["NOT REGEX MATCH", noTarget(regexMatches)],
  ["GREATER THAN", anyTarget((value, target) => compareIntegers(value, target, (a, b) => a > b))],
  ["GREATER THAN OR EQUALS", anyTarget((value, target) => compareIntegers(value, target, (a, b) => a >= b))],
  ["&", anyTarget((value, target) => compareIntegers(value, target, (a, b) => (a & b) !== 0n))],
  ["!&", anyTarget((value, target) => compareIntegers(value, target, (a, b) => (a & b) === 0n))],
  ["IS TRUE", unary((subject) => isBoolean(subject, "true"))],
  ["IS FALSE", unary((subject) => isBoolean(subject, "false"))],
  ["IS NULL", unary((subject) => subject.kind === "none")],
  ["IS NOT NULL", unary((subject) => subject.kind !== "none")],
]);

/** Integer-only operators are false when either side is not an integer. */
function compareIntegers(value: string, target: string, test: (a: bigint, b: bigint) => boolean): boolean {
  const pair = bothIntegers(value, target);
  return pair !== null && test(pair[0], pair[1]);
}

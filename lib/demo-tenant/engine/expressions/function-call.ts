import "server-only";

import type { AttributeMappingSource } from "../../model";
import type { BoundArguments } from "./argument-binding";
import { ExpressionError } from "./expression-error";
import { parameterName, type FunctionDefinition } from "./function-definition";
import type { ExpressionValue } from "./values";

export interface EvaluationOptions {
  /** Source of new GUIDs for Guid(); inject one for deterministic runs. Defaults to crypto.randomUUID. */
  newGuid?: () => string;
  /** The clock of Now() and of dates given as a time alone; inject the engine's for deterministic runs. */
  now?: () => Date;
  /** An integer in [0, max) for RandomString; without it, drawn from newGuid when given, else crypto's. */
  randomInt?: (max: number) => number;
  /** The tenant's default verified domain, for DefaultDomain(). */
  defaultDomain?: string;
}

/** One call being evaluated: reads its arguments lazily, so an untaken IIF branch is never evaluated. */
export class FunctionCall {
  constructor(
    private readonly definition: FunctionDefinition,
    private readonly args: BoundArguments,
    private readonly evaluate: (node: AttributeMappingSource) => ExpressionValue,
    readonly options: EvaluationOptions,
  ) {}

  get functionName(): string {
    return this.definition.name;
  }

  /** Whether the fixed argument at `index` was given (an empty argument counts as not given). */
  has(index: number): boolean {
    return this.args.fixed[index] !== undefined;
  }

  /** The fixed argument's value; null when it was not given. */
  value(index: number): ExpressionValue {
    const node = this.args.fixed[index];
    return node === undefined ? null : this.evaluate(node);
  }

  /** The fixed argument as one string (a one-item list is unwrapped); null when absent. */
  text(index: number): string | null {
    return this.single(this.value(index), this.keyOf(index));
  }

  /** The fixed argument as an integer; null when absent or null. */
  integer(index: number): number | null {
    const text = this.text(index);
    if (text === null) return null;
    const trimmed = text.trim();
    // VBA's hexadecimal literal, as in BitAnd(&HF, &HF7).
    const hex = /^&H([0-9a-f]+)$/i.exec(trimmed);
    if (hex) return Number.parseInt(hex[1]!, 16);
    if (!/^[+-]?\d+$/.test(trimmed)) {
      throw this.error(
        `${this.functionName}: ${this.keyOf(index)} must be an integer, got ${JSON.stringify(text)}`,
      );
    }
    return Number.parseInt(trimmed, 10);
  }

  get restCount(): number {
    return this.args.rest.length;
  }

  /** A repeating argument's value; `undefined` when that argument was left empty. */
  restValue(index: number): ExpressionValue | undefined {
    const node = this.args.rest[index];
    return node === undefined ? undefined : this.evaluate(node);
  }

  restText(index: number): string | null | undefined {
    const value = this.restValue(index);
    return value === undefined
      ? undefined
      : this.single(value, `argument ${this.definition.parameters.length + index + 1}`);
  }

  /** Unwraps a one-item list; a function that needs one value cannot take several. */
  single(value: ExpressionValue, what: string): string | null {
    if (!Array.isArray(value)) return value;
    if (value.length <= 1) return value[0] ?? null;
    throw this.error(`${this.functionName}: ${what} must be a single value but has ${value.length} values`);
  }

  error(message: string): ExpressionError {
    return new ExpressionError(message, { functionName: this.functionName });
  }

  private keyOf(index: number): string {
    const parameter = this.definition.parameters[index];
    return parameter ? parameterName(parameter) : `argument ${index + 1}`;
  }
}

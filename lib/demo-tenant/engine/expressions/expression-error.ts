import "server-only";

/** An attribute-mapping expression that cannot be parsed or evaluated, with where and what went wrong. */
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
  /** 0-based character offset in the expression text, for parse errors. */
  readonly position: number | null;
  /** The function being parsed or evaluated when the error arose, if any. */
  readonly functionName: string | null;

  constructor(message: string, details: { position?: number; functionName?: string } = {}) {
    super(message);
    this.position = details.position ?? null;
    this.functionName = details.functionName ?? null;
  }
}

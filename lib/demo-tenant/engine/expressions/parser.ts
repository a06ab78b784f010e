import "server-only";

import type { AttributeMappingParameter, AttributeMappingSource } from "../../model";
import { bindArguments } from "./argument-binding";
import { ExpressionError } from "./expression-error";
import { findFunction } from "./function-catalog";
import { restKey } from "./function-definition";
import { COMPARISON_OPERATORS } from "./functions/logic";
import { attributeNode, constantNode, emptyArgumentNode, isEmptyArgument } from "./source-tree";

const MAX_NESTING = 64;
const BARE_WORD = /[A-Za-z0-9_.&+-]/;

/**
 * Parses the expression syntax (`Join(" ", [givenName], [surname])`) into Graph's source tree, as
 * Graph's parseExpression does: constants carry their value in `name` and quoted in `expression`
 * (a bare `1` becomes {name: "1", expression: "\"1\""}); functions carry their own text.
 * Empty arguments are omitted when every argument has its own key, as Graph serves
 * `Replace([x], "-", , , "_", , )`; in calls with repeating arguments (Switch, Join, Coalesce)
 * they stay as a Constant with null name and expression, so the order still says which is which.
 * IIF conditions such as `[country]="USA"` become a Function named by the operator, with left/right.
 */
export function parseMappingExpression(text: string): AttributeMappingSource {
  if (typeof text !== "string" || text.trim() === "") throw new ExpressionError("The expression is empty");
  const parser = new ExpressionParser(text);
  const node = parser.expression(0);
  parser.expectEnd();
  return node;
}

class ExpressionParser {
  private position = 0;

  constructor(private readonly text: string) {}

  expectEnd(): void {
    this.skipSpace();
    if (this.position < this.text.length) throw this.unexpected("the end of the expression");
  }

  /** A value, optionally compared with another: `[country]="USA"`. */
  expression(depth: number): AttributeMappingSource {
    if (depth > MAX_NESTING) throw this.error(`Functions are nested more than ${MAX_NESTING} deep`);
    this.skipSpace();
    const start = this.position;
    const left = this.primary(depth);
    this.skipSpace();
    const operator = COMPARISON_OPERATORS.find((op) => this.text.startsWith(op, this.position));
    if (!operator) return left;
    this.position += operator.length;
    const right = this.primary(depth);
    return {
      expression: this.text.slice(start, this.position).trim(),
      name: operator,
      parameters: [
        { key: "left", value: left },
        { key: "right", value: right },
      ],
      type: "Function",
    };
  }

  private primary(depth: number): AttributeMappingSource {
    this.skipSpace();
    const ch = this.text[this.position];
    if (ch === "[") return this.attribute();
    if (ch === '"') return constantNode(this.quotedString());
    if (ch !== undefined && BARE_WORD.test(ch)) {
      const start = this.position;
      const word = this.bareWord();
      this.skipSpace();
      if (this.text[this.position] === "(") return this.call(word, start, depth);
      return constantNode(word);
    }
    throw this.unexpected("an attribute such as [mail], a string in double quotes, a number or a function");
  }

  private attribute(): AttributeMappingSource {
    const start = this.position;
    const end = this.text.indexOf("]", start + 1);
    if (end < 0) throw this.error(`The attribute opened at position ${start} has no closing ]`, start);
    const name = this.text.slice(start + 1, end).trim();
    if (name === "" || name.includes("[")) throw this.error(`Invalid attribute name [${name}]`, start);
    this.position = end + 1;
    return attributeNode(name);
  }

  private quotedString(): string {
    const start = this.position;
    let value = "";
    for (let i = start + 1; i < this.text.length; i++) {
      const ch = this.text[i]!;
      const next = this.text[i + 1];
      if (ch === "\\" && (next === '"' || next === "\\")) {
        value += next;
        i++;
      } else if (ch === '"') {
        this.position = i + 1;
        return value;
      } else {
        value += ch;
      }
    }
    throw this.error(`The string opened at position ${start} has no closing "`, start);
  }

  private bareWord(): string {
    const start = this.position;
    while (this.position < this.text.length && BARE_WORD.test(this.text[this.position]!)) this.position++;
    return this.text.slice(start, this.position);
  }

  private call(name: string, start: number, depth: number): AttributeMappingSource {
    const definition = findFunction(name);
    if (!/^[A-Za-z]\w*$/.test(name) || !definition) {
      throw new ExpressionError(`Unknown function "${name}" at position ${start}`, {
        position: start,
        functionName: name,
      });
    }
    this.position++; // the "("
    const args = this.arguments(definition.name, start, depth);
    const fixedCount = definition.parameters.length;
    const positional: AttributeMappingParameter[] = args.map((value, i) => ({
      key:
        i < fixedCount
          ? definition.parameters[i]!.key
          : definition.rest
            ? restKey(definition.rest, i - fixedCount)
            : `argument${i + 1}`,
      value: value ?? emptyArgumentNode(),
    }));
    bindArguments(definition, positional, start);
    const parameters =
      args.length <= fixedCount ? positional.filter((p) => !isEmptyArgument(p.value)) : positional;
    return {
      expression: this.text.slice(start, this.position),
      name: definition.name,
      parameters,
      type: "Function",
    };
  }

  /** Arguments up to the closing ")"; null stands for an argument left empty, as in `Replace([x], "-", , , "_", , )`. */
  private arguments(functionName: string, start: number, depth: number): (AttributeMappingSource | null)[] {
    this.skipSpace();
    if (this.text[this.position] === ")") {
      this.position++;
      return [];
    }
    const args: (AttributeMappingSource | null)[] = [];
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.position];
      args.push(ch === "," || ch === ")" ? null : this.expression(depth + 1));
      this.skipSpace();
      const separator = this.text[this.position];
      if (separator === ",") {
        this.position++;
      } else if (separator === ")") {
        this.position++;
        return args;
      } else if (separator === undefined) {
        throw this.error(`${functionName}( opened at position ${start} has no closing )`, start);
      } else {
        throw this.unexpected(`"," or ")" in the arguments of ${functionName}`);
      }
    }
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position]!)) this.position++;
  }

  private unexpected(wanted: string): ExpressionError {
    const found = this.text[this.position];
    const what = found === undefined ? "the end of the expression" : JSON.stringify(found);
    return this.error(`Expected ${wanted} at position ${this.position}, found ${what}`);
  }

  private error(message: string, position = this.position): ExpressionError {
    return new ExpressionError(message, { position });
  }
}

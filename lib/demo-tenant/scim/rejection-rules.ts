import "server-only";

import { parseAttributePath } from "./attribute-path";
import { valuesAtPath } from "./filter";
import type { ResourceKind } from "./resource-kinds";
import type { ScimObject } from "./resource-normalization";
import { ScimError } from "./scim-error";

export interface ScimRejectionRule {
  /** Which requests to refuse: a SCIM attribute path on the resource being written and a regex on its value. */
  attribute: string;
  /** Regular expression source, matched case-insensitively. */
  matches: string;
  operations: ("create" | "update")[];
  status: number;
  scimType?: string;
  detail: string;
}

export type WriteOperation = "create" | "update";

interface CompiledRejection {
  rule: ScimRejectionRule;
  pattern: RegExp;
}

export class RejectionRules {
  private readonly compiled: CompiledRejection[];

  /** Checks the rules once, when the target is configured, so a typo fails at start-up with its place named. */
  constructor(targetId: string, rules: ScimRejectionRule[]) {
    this.compiled = rules.map((rule, index) => {
      const where = `SCIM target "${targetId}", rejection rule ${index + 1}`;
      try {
        parseAttributePath(rule.attribute);
      } catch (error) {
        throw new Error(`${where}: "${rule.attribute}" is not a SCIM attribute path.`, { cause: error });
      }
      if (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599) {
        throw new Error(`${where}: status must be an HTTP error status (400–599); got ${rule.status}.`);
      }
      try {
        return { rule, pattern: new RegExp(rule.matches, "i") };
      } catch (error) {
        throw new Error(
          `${where}: "${rule.matches}" is not a valid regular expression (${(error as Error).message}).`,
          { cause: error },
        );
      }
    });
  }

  /** Throws the configured error when the resource about to be written carries a value a rule refuses. */
  assertAccepted(kind: ResourceKind, resource: ScimObject, operation: WriteOperation): void {
    for (const { rule, pattern } of this.compiled) {
      if (!rule.operations.includes(operation)) continue;
      const values = valuesAtPath(kind, resource, rule.attribute);
      if (values.some((value) => typeof value !== "object" && pattern.test(String(value)))) {
        throw new ScimError(rule.status, rule.scimType, rule.detail);
      }
    }
  }
}

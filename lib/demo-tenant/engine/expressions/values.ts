import "server-only";

/** A value in the expression language: single-valued, multi-valued, or absent. Booleans are "True"/"False". */
export type ExpressionValue = string | string[] | null;

/** Reads a source attribute by name; a missing attribute reads as null. */
export type AttributeReader = (attributeName: string) => ExpressionValue;

/**
 * Returned by evaluateMappingSource when IgnoreFlowIfNullOrEmpty met a null or empty value anywhere in
 * the expression: the engine must leave the target attribute out of the flow (neither set nor cleared).
 */
export const IGNORE_FLOW: unique symbol = Symbol("IgnoreFlowIfNullOrEmpty");
export type IgnoreFlow = typeof IGNORE_FLOW;

/** What a mapping evaluates to: a value, or the instruction to drop the attribute from the flow. */
export type MappingValue = ExpressionValue | IgnoreFlow;

export function booleanValue(flag: boolean): "True" | "False" {
  return flag ? "True" : "False";
}

/** Null, the empty string and an empty list all count as "no value", as Entra treats them. */
export function isNullOrEmpty(value: ExpressionValue): boolean {
  return value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** The Entra boolean reading of a value: only "True" (any case) is true. */
export function isTrue(value: ExpressionValue): boolean {
  return typeof value === "string" && value.toLowerCase() === "true";
}

/** Applies a string transform to each value, keeping null as null. */
export function mapStrings(value: ExpressionValue, transform: (text: string) => string): ExpressionValue {
  if (value === null) return null;
  return Array.isArray(value) ? value.map(transform) : transform(value);
}

/** A value as a list: null → [], one string → [it]. */
export function toList(value: ExpressionValue): string[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A reader over a plain record of attributes; absent keys read as null. */
export function attributeReaderOf(
  attributes: Readonly<Record<string, ExpressionValue | undefined>>,
): AttributeReader {
  return (name) => (Object.hasOwn(attributes, name) ? (attributes[name] ?? null) : null);
}

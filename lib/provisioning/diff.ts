import type { PropertyChange } from "./result";

function isEmpty(value: string | null): boolean {
  return value === null || value === "";
}

/**
 * What happened to one attribute. Without a reported old value nothing can be claimed:
 * Cloud Sync answers list only new values even on updates.
 */
export function propertyChange(
  oldValue: string | null,
  newValue: string | null,
  oldValueReported: boolean,
): PropertyChange {
  if (!oldValueReported) return "unknown";
  const hadValue = !isEmpty(oldValue);
  const hasValue = !isEmpty(newValue);
  if (!hadValue && !hasValue) return "unchanged";
  if (!hadValue) return "added";
  if (!hasValue) return "removed";
  return oldValue === newValue ? "unchanged" : "changed";
}

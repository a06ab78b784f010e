import type { ModifiedProperty } from "@/lib/provisioning";
import { matchesFilter } from "./text-filter";

/** The modified properties whose name, old or new value contains every word of the filter. */
export function filterProperties(
  properties: readonly ModifiedProperty[],
  filter: string,
): ModifiedProperty[] {
  return properties.filter((property) =>
    matchesFilter(filter, property.name, property.oldValue, property.newValue),
  );
}

import "server-only";
import type { SynchronizationSchema } from "./graph-schemas";

/** A synchronization rule as the console offers it for provisioning on demand. */
export interface ProvisioningRule {
  id: string;
  name: string;
  sourceDirectoryName: string | null;
  targetDirectoryName: string | null;
  /** The rule's metadata says `supportsProvisionOnDemand: true`. */
  supportsProvisionOnDemand: boolean;
  /** Source object types its enabled mappings provision, e.g. ["User", "Group"]. */
  objectTypes: string[];
}

const SUPPORTS_POD = "supportsprovisionondemand";

export function rulesOfSchema(schema: SynchronizationSchema): ProvisioningRule[] {
  return (schema.synchronizationRules ?? []).map((rule) => {
    const seen = new Set<string>();
    const objectTypes: string[] = [];
    for (const mapping of rule.objectMappings ?? []) {
      const name = mapping.sourceObjectName?.trim();
      // A mapping without `enabled` is taken as enabled: Graph always sends it, older payloads may not.
      if (!name || mapping.enabled === false || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      objectTypes.push(name);
    }
    return {
      id: rule.id,
      name: rule.name?.trim() || rule.id,
      sourceDirectoryName: rule.sourceDirectoryName ?? null,
      targetDirectoryName: rule.targetDirectoryName ?? null,
      supportsProvisionOnDemand: (rule.metadata ?? []).some(
        (pair) => pair.key.toLowerCase() === SUPPORTS_POD && pair.value?.trim().toLowerCase() === "true",
      ),
      objectTypes,
    };
  });
}

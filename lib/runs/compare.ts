import "server-only";
import type { RunComparison, RunView } from "@/lib/api/contracts";
import type { ProvisioningStep } from "@/lib/provisioning";

/** What differs between two runs: outcome, action, steps, and attribute values. */
export function compareRuns(a: RunView, b: RunView): RunComparison {
  const outcomeA = a.result?.outcome ?? null;
  const outcomeB = b.result?.outcome ?? null;
  const actionA = a.result?.reports[0]?.action ?? null;
  const actionB = b.result?.reports[0]?.action ?? null;
  return {
    a,
    b,
    outcome: { a: outcomeA, b: outcomeB, same: outcomeA === outcomeB },
    action: { a: actionA, b: actionB, same: actionA === actionB },
    steps: differingSteps(stepsOf(a), stepsOf(b)),
    attributes: [
      ...differingValues(sourceValues(a), sourceValues(b), "source"),
      ...differingValues(targetValues(a), targetValues(b), "target", true),
    ],
  };
}

function stepsOf(run: RunView): ProvisioningStep[] {
  return run.result?.reports.flatMap((report) => report.steps) ?? [];
}

/** Steps are paired by type and occurrence (the 2nd Import with the 2nd Import). */
function differingSteps(a: ProvisioningStep[], b: ProvisioningStep[]): RunComparison["steps"] {
  const keyed = (steps: ProvisioningStep[]) => {
    const seen = new Map<string, number>();
    return new Map(
      steps.map((step) => {
        const n = (seen.get(step.kind) ?? 0) + 1;
        seen.set(step.kind, n);
        return [`${step.kind}#${n}`, step] as const;
      }),
    );
  };
  const left = keyed(a);
  const right = keyed(b);
  const keys = [...new Set([...left.keys(), ...right.keys()])];
  return keys.flatMap((key) => {
    const x = left.get(key);
    const y = right.get(key);
    if (x && y && x.status === y.status && x.description === y.description) return [];
    const view = (step: ProvisioningStep | undefined) =>
      step ? { status: step.status, description: step.description } : null;
    return [{ type: (x ?? y)!.type, a: view(x), b: view(y) }];
  });
}

/** Values as read from the source: the details of the Import steps. */
function sourceValues(run: RunView): Map<string, string> {
  const values = new Map<string, string>();
  for (const step of stepsOf(run)) {
    if (step.kind !== "Import") continue;
    for (const [name, value] of Object.entries(step.details)) values.set(name, value);
  }
  return values;
}

/** Values the provisioning service sent to the target (modified properties). */
function targetValues(run: RunView): Map<string, string> {
  const values = new Map<string, string>();
  for (const report of run.result?.reports ?? []) {
    for (const property of report.modifiedProperties) {
      if (property.newValue !== null) values.set(property.name, property.newValue);
    }
  }
  return values;
}

function differingValues(
  a: Map<string, string>,
  b: Map<string, string>,
  where: "source" | "target",
  onlyWhereBoth = false,
): RunComparison["attributes"] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x.localeCompare(y));
  return names.flatMap((name) => {
    const x = a.get(name) ?? null;
    const y = b.get(name) ?? null;
    if (x === y || (onlyWhereBoth && (x === null || y === null))) return [];
    return [{ name, where, a: x, b: y }];
  });
}

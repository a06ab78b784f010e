import { provisionHref } from "@/components/apps/app-links";
import { EMPTY_PROVISION_FORM, provisionLinkQuery } from "@/components/provision/provision-url-state";
import type { DemoScenario } from "@/lib/api/contracts";

/** The provision page a story opens: its job, rule and object chosen, in the page's own link format. */
export function scenarioHref({ open }: Pick<DemoScenario, "open">): string {
  return provisionHref(
    open.servicePrincipalId,
    open.jobId,
    provisionLinkQuery({
      ...EMPTY_PROVISION_FORM,
      ruleId: open.ruleId,
      kind: open.kind,
      userId: open.userId,
      groupId: open.groupId,
      memberIds: open.memberIds,
      distinguishedName: open.distinguishedName ?? "",
    }),
  );
}

/** Whether the story is told on this job's pages (its banner shows there and nowhere else). */
export function scenarioIsFor(scenario: Pick<DemoScenario, "open">, spId: string, jobId: string): boolean {
  return scenario.open.servicePrincipalId === spId && scenario.open.jobId === jobId;
}

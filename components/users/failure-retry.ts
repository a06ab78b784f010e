import type { BulkRunRequest, FailuresWaiting } from "@/lib/api/contracts";

/** What a retry sends: one bulk run of exactly the objects that can be provisioned from here. */
export function retryRequest(spId: string, jobId: string, waiting: FailuresWaiting): BulkRunRequest | null {
  if (!waiting.rule) return null;
  const subjects = waiting.items.flatMap((item) =>
    item.subject ? [{ ...item.subject, label: item.label }] : [],
  );
  if (subjects.length === 0) return null;
  return { servicePrincipalId: spId, jobId, ruleId: waiting.rule.id, subjects };
}

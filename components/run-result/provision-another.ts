import { EMPTY_PROVISION_FORM, provisionLinkQuery } from "@/components/provision/provision-url-state";
import type { RunRequest } from "@/lib/api/contracts";

/** The provision page of the run's job with its rule and kind of subject chosen, and no object yet. */
export function provisionAnotherHrefOf(request: RunRequest): string {
  const query = provisionLinkQuery({
    ...EMPTY_PROVISION_FORM,
    ruleId: request.ruleId,
    kind: request.subject.kind,
  });
  return `/apps/${encodeURIComponent(request.servicePrincipalId)}/jobs/${encodeURIComponent(request.jobId)}?${query}`;
}

/** The provision page of the run's job with one member of a group run chosen as the user. */
export function provisionMemberHrefOf(request: RunRequest, userId: string): string {
  const query = provisionLinkQuery({ ...EMPTY_PROVISION_FORM, ruleId: request.ruleId, kind: "user", userId });
  return `/apps/${encodeURIComponent(request.servicePrincipalId)}/jobs/${encodeURIComponent(request.jobId)}?${query}`;
}

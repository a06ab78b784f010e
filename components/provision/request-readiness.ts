/** The application, job and rule a request goes to; the rule may not be chosen yet. */
export interface RequestTarget {
  servicePrincipalId: string;
  jobId: string;
  ruleId: string | null;
}

export type Readiness<Request> = { request: Request; problem: null } | { request: null; problem: string };

type ChosenTarget = { servicePrincipalId: string; jobId: string; ruleId: string };

/**
 * The request to the target with what the form adds, or the first thing missing, in words for the
 * disabled button: the rule, then whatever `addition` names as missing.
 */
export function requestReadiness<Addition extends object>(
  target: RequestTarget,
  addition: () => Addition | string,
): Readiness<ChosenTarget & Addition> {
  if (!target.ruleId) return { request: null, problem: "Choose a rule first." };
  const added = addition();
  if (typeof added === "string") return { request: null, problem: added };
  return {
    problem: null,
    request: {
      servicePrincipalId: target.servicePrincipalId,
      jobId: target.jobId,
      ruleId: target.ruleId,
      ...added,
    },
  };
}

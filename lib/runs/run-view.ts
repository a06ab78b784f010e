import "server-only";
import type { RunRequest, RunStatus, RunView } from "@/lib/api/contracts";
import { parseProvisionOnDemandResponse, type ProvisionSubject } from "@/lib/provisioning";
import type { RunRow } from "./run-store";

export interface QueueInfo {
  position: number;
  startsAt: number;
}

/** A stored run as the browser sees it; the Graph answer is parsed on read, so parser fixes apply to old runs. */
export function toRunView(row: RunRow, queue: QueueInfo | undefined, now: number): RunView {
  const request: RunRequest = {
    servicePrincipalId: row.service_principal_id,
    jobId: row.job_id,
    ruleId: row.rule_id,
    subject: JSON.parse(row.subject_json) as ProvisionSubject,
  };
  const status = row.status as RunStatus;
  const result =
    row.response_body === null ? null : parseProvisionOnDemandResponse(safeJson(row.response_body));
  return {
    id: row.id,
    status,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    queue:
      status === "queued" && queue
        ? { position: queue.position, startsInMs: Math.max(0, queue.startsAt - now) }
        : null,
    request,
    actor: row.actor,
    labels: { application: row.application_label, subject: row.subject_label, job: row.job_label },
    result,
    changeId: row.change_id ?? result?.reports[0]?.changeId ?? null,
    error: row.error_code
      ? { code: row.error_code, message: row.error_message ?? "", graphRequestId: row.graph_request_id }
      : null,
    graphRequestId: row.graph_request_id,
    bulkRunId: row.bulk_run_id,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // the parser turns it into an Unknown outcome with the raw text kept
  }
}

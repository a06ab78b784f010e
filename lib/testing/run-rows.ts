import "server-only";
import type { RunRow } from "@/lib/runs/run-store";

/** A completed run row; override what the test is about. */
export function runRow(overrides: Partial<RunRow> & Pick<RunRow, "id" | "created_at">): RunRow {
  return {
    status: "completed",
    started_at: overrides.created_at,
    finished_at: overrides.created_at,
    actor: "alice@contoso.com",
    service_principal_id: "sp-hr",
    job_id: "scim.cd1187dd8c354ba5ad25335161c990d8.e6d31902-1112-4a93-9b26-0ea8d8711cc0",
    rule_id: "ea807875-5618-4f0a-9125-0b46a05298ca",
    subject_kind: "user",
    subject_key: "69bdd931-211b-469b-bd21-0c279cd91efd",
    subject_json: JSON.stringify({
      kind: "user",
      objectId: overrides.subject_key ?? "69bdd931-211b-469b-bd21-0c279cd91efd",
    }),
    application_label: "Contoso HR Portal (SCIM)",
    subject_label: "AdeleV@contoso.com",
    job_label: "SCIM → customappsso",
    idempotency_key: null,
    graph_request_id: null,
    response_body: null,
    outcome: "Success",
    action: "Create",
    error_code: null,
    error_message: null,
    bulk_run_id: null,
    instance_id: null,
    change_id: null,
    reason_code: null,
    ...overrides,
  };
}

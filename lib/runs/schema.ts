// Tables as Kysely sees them. Times are ISO-8601 UTC text in both SQLite and PostgreSQL, so
// ordering by text is ordering by time.

export interface RunsTable {
  id: string;
  status: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  actor: string;
  service_principal_id: string;
  job_id: string;
  rule_id: string;
  subject_kind: string;
  /** Object id, or the distinguished name for an on-premises user. */
  subject_key: string;
  subject_json: string;
  application_label: string | null;
  subject_label: string | null;
  idempotency_key: string | null;
  graph_request_id: string | null;
  /** The provisionOnDemand answer exactly as Graph returned it (JSON text); parsed on read. */
  response_body: string | null;
  outcome: string | null;
  action: string | null;
  error_code: string | null;
  error_message: string | null;
}

export interface SharesTable {
  /** 128 random bits, base64url: the link is the capability, so it must not be guessable. */
  id: string;
  run_id: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  /** 1 when sensitive attribute values are redacted before the run is sent. */
  redact: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  /** run.requested, share.created, share.revoked, demo.changed, … */
  action: string;
  target: string | null;
  /** JSON text with what was done. */
  detail: string | null;
  graph_request_id: string | null;
}

export interface MsalCacheTable {
  /** `user:{oid}` or `app:{clientId}`: each account's tokens in a row of their own. */
  partition_key: string;
  /** MSAL's serialized token cache (JSON text). */
  data: string;
  updated_at: string;
}

export interface Database {
  runs: RunsTable;
  shares: SharesTable;
  audit_log: AuditLogTable;
  msal_cache: MsalCacheTable;
  schema_migrations: { name: string; applied_at: string };
}

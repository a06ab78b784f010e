import "server-only";

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
  /** The job as the application's jobs told it apart when the run was made ("job 2 of 2 · SCIM → …"). */
  job_label: string | null;
  idempotency_key: string | null;
  graph_request_id: string | null;
  /** The provisionOnDemand answer exactly as Graph returned it (JSON text); parsed on read. */
  response_body: string | null;
  outcome: string | null;
  action: string | null;
  error_code: string | null;
  error_message: string | null;
  /** The bulk run this run is an item of, if any. */
  bulk_run_id: string | null;
  /** The console instance sending it: when that instance stops heartbeating, the run is interrupted. */
  instance_id: string | null;
  /** The changeId of the answer: the same change's entry in the provisioning logs carries it. */
  change_id: string | null;
  /**
   * Why the run did not simply succeed: a skip's reason (RedundantExport, NotEffectivelyEntitled…),
   * a provisioning failure's error code, or the failed call's code. Null for a success.
   */
  reason_code: string | null;
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

export interface BulkRunsTable {
  id: string;
  /** queued | running | paused | completed | cancelled */
  status: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  actor: string;
  service_principal_id: string;
  job_id: string;
  rule_id: string;
  application_label: string | null;
  job_label: string | null;
  total: number;
}

export interface BulkItemsTable {
  id: string;
  bulk_run_id: string;
  /** 1-based order within the bulk run. */
  position: number;
  /** pending | sending | done | failed | interrupted | cancelled */
  status: string;
  subject_kind: string;
  subject_key: string;
  subject_json: string;
  label: string | null;
  /** The run of the latest attempt. */
  run_id: string | null;
  outcome: string | null;
  action: string | null;
  error_code: string | null;
  attempts: number;
  /** Who claimed it for the latest attempt, and when. */
  instance_id: string | null;
  claimed_at: string | null;
  finished_at: string | null;
}

/** Actions on synchronization jobs (test connection, secret token, restart, pause, start): a job's timeline. */
export interface JobActionsTable {
  id: string;
  requested_at: string;
  finished_at: string | null;
  actor: string;
  actor_name: string | null;
  service_principal_id: string;
  job_id: string;
  /** test-connection | secret-token | restart | pause | start */
  action: string;
  reset_scope: string | null;
  idempotency_key: string | null;
  /** running | succeeded | failed | interrupted */
  outcome: string;
  /** JSON: { code, message, explanation, raw } when the action failed. Never a secret token. */
  error_json: string | null;
  /** The job's status code read before and after the action. */
  status_before: string | null;
  status_after: string | null;
  /** JSON: the Graph calls made, each with its request id. */
  calls_json: string;
  graph_request_id: string | null;
  /** The console instance acting: when it stops heartbeating, the action is interrupted. */
  instance_id: string | null;
}

/** Console instances that share the database; a live one heartbeats every second or so. */
export interface ConsoleInstancesTable {
  id: string;
  started_at: string;
  heartbeat_at: string;
}

/** One slot of a job's pace: a call holds it (as `holder`) until `held_until`, ms since the epoch. */
export interface PacingSlotsTable {
  pace_key: string;
  slot: number;
  holder: string | null;
  /** A bigint: PostgreSQL hands it back as text. */
  held_until: number | string;
}

/** The console that holds a SQLite database, renewed every heartbeat. */
export interface ConsoleLeaseTable {
  name: string;
  instance_id: string;
  pid: number;
  host: string;
  acquired_at: string;
  renewed_at: string;
}

/**
 * Names of the people, objects and applications the console has seen, by id: written when a run or
 * an action is recorded, so history and the audit log show and search names without asking Graph.
 */
export interface DirectoryNamesTable {
  id: string;
  display_name: string | null;
  /** A user's userPrincipalName (or the caller's sign-in name). */
  upn: string | null;
  /** operator | user | group | onPremisesUser | application */
  kind: string;
  updated_at: string;
}

export interface Database {
  runs: RunsTable;
  shares: SharesTable;
  audit_log: AuditLogTable;
  msal_cache: MsalCacheTable;
  bulk_runs: BulkRunsTable;
  bulk_items: BulkItemsTable;
  console_instances: ConsoleInstancesTable;
  job_actions: JobActionsTable;
  pacing_slots: PacingSlotsTable;
  console_lease: ConsoleLeaseTable;
  directory_names: DirectoryNamesTable;
  schema_migrations: { name: string; applied_at: string };
}

import "server-only";
import { randomBytes } from "node:crypto";
import type { RunView, ShareLink, SharedRun } from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import { appendAudit } from "./audit";
import type { RunsDatabase } from "./database";
import { redactRun, type SensitiveAttributeTest } from "./redaction";

export { MAX_SHARE_DAYS } from "@/lib/api/contracts";

export interface ShareRecord {
  id: string;
  runId: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  redact: boolean;
}

export async function createShare(
  db: RunsDatabase,
  input: { runId: string; createdBy: string; redact: boolean; expiresInDays?: number; now?: Date },
): Promise<ShareRecord> {
  const now = input.now ?? new Date();
  const record: ShareRecord = {
    id: randomBytes(16).toString("base64url"),
    runId: input.runId,
    createdAt: now.toISOString(),
    createdBy: input.createdBy,
    expiresAt: input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
      : null,
    redact: input.redact,
  };
  await db
    .insertInto("shares")
    .values({
      id: record.id,
      run_id: record.runId,
      created_at: record.createdAt,
      created_by: record.createdBy,
      expires_at: record.expiresAt,
      revoked_at: null,
      revoked_by: null,
      redact: record.redact ? 1 : 0,
    })
    .execute();
  await appendAudit(db, {
    actor: record.createdBy,
    action: "share.created",
    target: record.runId,
    detail: { shareId: record.id, redact: record.redact, expiresAt: record.expiresAt },
  });
  return record;
}

/** The share if it can be opened now: 404 when unknown, 410 when revoked or expired. */
export async function openShare(db: RunsDatabase, id: string, now = new Date()): Promise<ShareRecord> {
  const row = await db.selectFrom("shares").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row)
    throw new ApiError("not_found", "No shared link has this address. Check that it was copied whole.");
  if (row.revoked_at) {
    throw new ApiError(
      "gone",
      `This shared link was revoked on ${row.revoked_at.slice(0, 10)}. Ask whoever sent it for a new one.`,
    );
  }
  if (row.expires_at && row.expires_at <= now.toISOString()) {
    throw new ApiError(
      "gone",
      `This shared link expired on ${row.expires_at.slice(0, 10)}. Ask whoever sent it for a new one.`,
    );
  }
  return {
    id: row.id,
    runId: row.run_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    redact: row.redact === 1,
  };
}

/** Revokes a share (audited as `by`); revoking twice is a no-op. Returns the run it pointed at. */
export async function revokeShare(
  db: RunsDatabase,
  id: string,
  by: string,
  now = new Date(),
): Promise<string> {
  const row = await db
    .selectFrom("shares")
    .select(["run_id", "revoked_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new ApiError("not_found", `No shared link with id ${id}.`);
  if (!row.revoked_at) {
    await db
      .updateTable("shares")
      .set({ revoked_at: now.toISOString(), revoked_by: by })
      .where("id", "=", id)
      .execute();
  }
  await appendAudit(db, { actor: by, action: "share.revoked", target: row.run_id, detail: { shareId: id } });
  return row.run_id;
}

export async function listShares(db: RunsDatabase, runId: string): Promise<ShareLink[]> {
  const rows = await db
    .selectFrom("shares")
    .selectAll()
    .where("run_id", "=", runId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    redact: row.redact === 1,
  }));
}

/**
 * The run as a share shows it: redacted on the server when the share says so, and without the ids
 * that would open the run itself (its id, its bulk run's).
 */
export function sharedRunView(
  share: ShareRecord,
  { id: _id, bulkRunId: _bulkRunId, ...content }: RunView,
  isSensitive: SensitiveAttributeTest,
): SharedRun {
  return {
    share: {
      id: share.id,
      createdAt: share.createdAt,
      createdBy: share.createdBy,
      expiresAt: share.expiresAt,
      redact: share.redact,
    },
    run: share.redact ? redactRun(content, isSensitive) : content,
  };
}

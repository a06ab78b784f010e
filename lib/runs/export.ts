import "server-only";
import type { Page, RunView } from "@/lib/api/contracts";
import { codeInWords, subjectObjectKey } from "@/lib/provisioning";

/** The run as one JSON document: the original Graph answer and the parsed result. */
export function runAsJson(run: RunView): string {
  const { result, ...meta } = run;
  return JSON.stringify({ run: meta, graphResponse: result?.raw ?? null, result }, null, 2);
}

/** What a run was in words: the one-word outcome a list would filter on. */
export function runOutcomeOf(run: Pick<RunView, "status" | "result">): string | null {
  return outcomeInWords(run.result?.outcome ?? null, run.status);
}

/** Graph's outcome, or Failure when the call itself failed (nothing was provisioned). */
export function outcomeInWords(outcome: string | null, status: RunView["status"]): string | null {
  return outcome ?? (status === "failed" ? "Failure" : null);
}

/** Why the run was not a plain success: the skip reason or error code, and those in words. */
export function runReasonOf(run: Pick<RunView, "result" | "error">): {
  code: string | null;
  words: string | null;
} {
  const code =
    run.result && run.result.outcome !== "Success" ? run.result.errorCode : (run.error?.code ?? null);
  if (!code) return { code: null, words: null };
  const message = run.result ? run.result.errorMessage : (run.error?.message ?? null);
  return { code, words: codeInWords(code) ?? (message || null) };
}

const RUN_COLUMNS = [
  "run_id",
  "application",
  "application_id",
  "job",
  "job_id",
  "subject",
  "subject_id",
  "requested_at",
  "completed_at",
  "status",
  "outcome",
  "reason_code",
  "reason",
  "graph_request_id",
] as const;

/**
 * One row per step and per modified property, each starting with the run it belongs to (app, job,
 * subject, times, outcome, reason, request id); a run with no report still has its "run" row.
 * RFC 4180, safe to open in a spreadsheet.
 */
export function runAsCsv(run: RunView): string {
  const reason = runReasonOf(run);
  const about: (string | null)[] = [
    run.id,
    run.labels.application,
    run.request.servicePrincipalId,
    run.labels.job ?? null,
    run.request.jobId,
    run.labels.subject,
    subjectObjectKey(run.request.subject),
    run.createdAt,
    run.finishedAt,
    run.status,
    runOutcomeOf(run),
    reason.code,
    reason.words,
    run.graphRequestId,
  ];
  const rows: (string | null)[][] = [
    [
      ...RUN_COLUMNS,
      "section",
      "report",
      "index",
      "type_or_attribute",
      "status_or_change",
      "old_value",
      "new_value",
      "description",
      "timestamp",
    ],
    [...about, "run", null, null, null, null, null, null, null, null],
  ];
  run.result?.reports.forEach((report, r) => {
    report.steps.forEach((step, i) => {
      rows.push([
        ...about,
        "step",
        String(r + 1),
        String(i + 1),
        step.type,
        step.status,
        null,
        null,
        step.description,
        step.timestamp,
      ]);
    });
    report.modifiedProperties.forEach((property, i) => {
      rows.push([
        ...about,
        "modified_property",
        String(r + 1),
        String(i + 1),
        property.name,
        property.change,
        property.oldValue,
        property.newValue,
        null,
        null,
      ]);
    });
  });
  return rows.map(csvLine).join("");
}

/** One CSV line, its fields made safe by csvField. */
export function csvLine(fields: readonly (string | null)[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

/**
 * A list as CSV lines: the header, then a line for each item of every page, read a page at a
 * time (a long history or log need not sit in memory as one string).
 */
export async function* csvPages<T>(
  header: readonly string[],
  page: (cursor: string | undefined) => Promise<Page<T>>,
  fields: (item: T) => (string | null)[],
): AsyncGenerator<string> {
  yield csvLine(header);
  let cursor: string | undefined;
  do {
    const { items, nextCursor } = await page(cursor);
    for (const item of items) yield csvLine(fields(item));
    cursor = nextCursor ?? undefined;
  } while (cursor);
}

export function csvField(value: string | null): string {
  if (value === null) return "";
  // A leading = + - @ would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

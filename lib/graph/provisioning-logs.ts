import "server-only";
import { z } from "zod";
import { GraphError } from "./graph-error";
import { readAnswer, type GraphReader } from "./graph-reader";
import type { GraphTransport } from "./graph-transport";
import { topOf } from "./query-input";

// The provisioning logs: GET /auditLogs/provisioning. Its filters are case-sensitive and take
// eq, contains, gt and lt only, so every clause is written exactly as Graph documents it.

const LOG_PATH = "/auditLogs/provisioning";

/** Each entry is kept as it came: lib/provisioning reads it, and shows what it cannot read raw. */
const eventPageSchema = z.looseObject({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().optional(),
});

export type ProvisioningEventStatus = "success" | "failure" | "skipped" | "warning";

export interface ProvisioningLogFilter {
  /** The user either side of the event: the source of an app's job, the target of Cloud Sync's. */
  userId?: string;
  sourceIdentityId?: string;
  servicePrincipalId?: string;
  jobId?: string;
  changeId?: string;
  cycleId?: string;
  id?: string;
  /** Lower case, as the log writes it: 'Failure' would match nothing. */
  status?: ProvisioningEventStatus;
  /** Only events after this ISO time. */
  since?: string;
}

export interface ProvisioningEventPage {
  /** provisioningObjectSummary entries, newest first, unparsed. */
  items: unknown[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The $filter for these conditions, joined with `and`; null when there are none. */
export function provisioningLogFilter(filter: ProvisioningLogFilter): string | null {
  const clauses: string[] = [];
  if (filter.userId !== undefined)
    clauses.push(
      `(sourceIdentity/id eq ${literal(filter.userId)} or targetIdentity/id eq ${literal(filter.userId)})`,
    );
  if (filter.sourceIdentityId !== undefined)
    clauses.push(`sourceIdentity/id eq ${literal(filter.sourceIdentityId)}`);
  if (filter.servicePrincipalId !== undefined)
    clauses.push(`servicePrincipal/id eq ${literal(filter.servicePrincipalId)}`);
  if (filter.jobId !== undefined) clauses.push(`jobId eq ${literal(filter.jobId)}`);
  if (filter.changeId !== undefined) clauses.push(`changeId eq ${literal(filter.changeId)}`);
  if (filter.cycleId !== undefined) clauses.push(`cycleId eq ${literal(filter.cycleId)}`);
  if (filter.id !== undefined) clauses.push(`id eq ${literal(filter.id)}`);
  if (filter.status !== undefined) clauses.push(`provisioningStatusInfo/status eq ${literal(filter.status)}`);
  if (filter.since !== undefined) {
    const since = new Date(filter.since);
    if (Number.isNaN(since.getTime()))
      throw new TypeError(`since must be an ISO date and time, got ${filter.since}.`);
    clauses.push(`activityDateTime gt ${since.toISOString()}`);
  }
  return clauses.length === 0 ? null : clauses.join(" and ");
}

export function createProvisioningLogs(transport: GraphTransport, reader: GraphReader) {
  const encodeCursor = (link: URL) =>
    Buffer.from(transport.relativeToVersion(link), "utf8").toString("base64url");

  function decodeCursor(cursor: string): URL {
    const relative = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
    if (!relative.startsWith(`${LOG_PATH}?`))
      throw new GraphError({
        status: 400,
        code: "InvalidCursor",
        message: "The cursor is not one this console handed out; start again from the first page.",
      });
    return transport.sameOriginLink(`${transport.root}${relative}`);
  }

  return {
    /** One page of provisioning events, newest first; the next page by the cursor of this one. */
    async listProvisioningEvents(
      filter: ProvisioningLogFilter,
      options: { top?: number; cursor?: string; signal?: AbortSignal } = {},
    ): Promise<ProvisioningEventPage> {
      let target: string | URL = LOG_PATH;
      let query: Record<string, string | number> | undefined;
      if (options.cursor) target = decodeCursor(options.cursor);
      else {
        const text = provisioningLogFilter(filter);
        query = {
          ...(text === null ? {} : { $filter: text }),
          $orderby: "activityDateTime desc",
          $top: topOf(options.top, 50),
        };
      }
      const answer = await reader.get(target, { query, signal: options.signal });
      const page = readAnswer(answer, eventPageSchema, "the provisioning logs");
      const link = page["@odata.nextLink"];
      return { items: page.value, nextCursor: link ? encodeCursor(transport.sameOriginLink(link)) : null };
    },
  };
}

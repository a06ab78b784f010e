import "server-only";
import type {
  FailuresWaiting,
  FailureWaiting,
  Page,
  ProvisioningEventsQuery,
  ProvisioningEventView,
} from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth";
import type { ProvisioningRule } from "@/lib/graph";
import { parseProvisioningLogEntry, subjectOfEvent, type ProvisioningLogEvent } from "@/lib/provisioning";
import { runsByChangeId } from "@/lib/runs";
import { readingTheLog } from "./log-access";
import type { ConsoleServices } from "./services";

// The provisioning logs as the user page reads them: events joined to the console's runs by
// changeId, one event by id, and the failures waiting on a job.

type Services = Pick<ConsoleServices, "graphFor" | "db" | "settings">;

/** How far back "failures waiting" reads (Entra keeps 30 days, 7 on free tenants). */
export const FAILURE_WINDOW_DAYS = 7;
const FAILURE_PAGES = 5;
const LATER_EVENT_PAGES = 10;
const PAGE_SIZE = 100;

/** Events parsed, each with the console run of the same change when there is one. */
export async function withRuns(
  services: Pick<Services, "db">,
  entries: readonly unknown[],
): Promise<ProvisioningEventView[]> {
  const events = entries.map(parseProvisioningLogEntry);
  const runs = await runsByChangeId(
    services.db,
    events.map((event) => event.changeId).filter((id): id is string => id !== null),
  );
  return events.map((event) => ({ event, run: (event.changeId && runs.get(event.changeId)) || null }));
}

export async function listEvents(
  services: Services,
  caller: Caller,
  query: ProvisioningEventsQuery,
): Promise<Page<ProvisioningEventView>> {
  const { cursor, limit, ...filter } = query;
  const page = await readingTheLog(services.settings, () =>
    services.graphFor(caller).listProvisioningEvents(filter, { top: limit, cursor }),
  );
  return { items: await withRuns(services, page.items), nextCursor: page.nextCursor };
}

export async function getEvent(
  services: Services,
  caller: Caller,
  id: string,
): Promise<ProvisioningEventView> {
  const page = await readingTheLog(services.settings, () =>
    services.graphFor(caller).listProvisioningEvents({ id }, { top: 1 }),
  );
  const [view] = await withRuns(services, page.items);
  if (!view)
    throw new ApiError(
      "not_found",
      `No provisioning event has the id ${id}. The provisioning logs keep events for 30 days (7 without a premium licence).`,
    );
  return view;
}

/** The rule provisioning on demand uses for these object types on a job, preferring one that maps them all. */
export function ruleForOnDemand(
  rules: readonly ProvisioningRule[],
  types: readonly string[],
): ProvisioningRule | null {
  const capable = rules.filter((rule) => rule.supportsProvisionOnDemand);
  const maps = (rule: ProvisioningRule, type: string) =>
    rule.objectTypes.some((mapped) => mapped.toLowerCase() === type.toLowerCase());
  return capable.find((rule) => types.every((type) => maps(rule, type))) ?? null;
}

async function allPages(
  read: (cursor: string | undefined) => Promise<{ items: unknown[]; nextCursor: string | null }>,
  maxPages: number,
): Promise<{ items: unknown[]; truncated: boolean }> {
  const items: unknown[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await read(cursor);
    items.push(...page.items);
    if (!page.nextCursor) return { items, truncated: false };
    cursor = page.nextCursor;
  }
  return { items, truncated: true };
}

const objectKey = (event: ProvisioningLogEvent) =>
  event.source.id ?? event.result.reports[0]?.reportableIdentifier ?? event.id ?? "";

/**
 * The objects whose latest event on the job in the last days is a failure, newest first: what the
 * job's next cycles keep retrying (escrows), and what a bulk run can retry at once.
 */
export async function failuresWaiting(
  services: Services,
  caller: Caller,
  servicePrincipalId: string,
  jobId: string,
  now = new Date(),
): Promise<FailuresWaiting> {
  const graph = services.graphFor(caller);
  const since = new Date(now.getTime() - FAILURE_WINDOW_DAYS * 86_400_000).toISOString();
  const failed = await readingTheLog(services.settings, () =>
    allPages(
      (cursor) =>
        graph.listProvisioningEvents(
          { servicePrincipalId, jobId, status: "failure", since },
          { top: PAGE_SIZE, cursor },
        ),
      FAILURE_PAGES,
    ),
  );
  const byObject = new Map<string, { event: ProvisioningLogEvent; failures: number }>();
  for (const event of failed.items.map(parseProvisioningLogEntry)) {
    const key = objectKey(event);
    const known = byObject.get(key);
    if (known) known.failures++;
    else byObject.set(key, { event, failures: 1 });
  }

  // An object whose newer event succeeded (or was skipped) is not waiting any more.
  const oldest = [...byObject.values()]
    .map((entry) => entry.event.activityDateTime)
    .filter(Boolean)
    .sort()[0];
  let later = { items: [] as unknown[], truncated: false };
  if (oldest)
    later = await readingTheLog(services.settings, () =>
      allPages(
        (cursor) =>
          graph.listProvisioningEvents(
            { servicePrincipalId, jobId, since: oldest },
            { top: PAGE_SIZE, cursor },
          ),
        LATER_EVENT_PAGES,
      ),
    );
  const newest = new Map<string, ProvisioningLogEvent>();
  for (const event of later.items.map(parseProvisioningLogEntry)) {
    const key = objectKey(event);
    if (!newest.has(key)) newest.set(key, event);
  }
  const waiting = [...byObject.entries()].filter(([key, { event }]) => {
    const latest = newest.get(key);
    return (
      !latest ||
      latest.outcome === "Failure" ||
      (latest.activityDateTime ?? "") <= (event.activityDateTime ?? "")
    );
  });

  const items: FailureWaiting[] = waiting.map(([key, { event, failures }]) => {
    const subject = subjectOfEvent(event);
    return {
      key,
      label: subject.label,
      subject: subject.ok ? subject.subject : null,
      problem: subject.ok ? null : subject.reason,
      lastFailure: {
        eventId: event.id,
        activityDateTime: event.activityDateTime,
        errorCode: event.errorCode,
        errorMessage: event.errorMessage,
      },
      failures,
    };
  });
  // Object types are compared without case: Cloud Sync maps "user", app jobs "User".
  const rules = items.length > 0 ? await graph.listRules(servicePrincipalId, jobId) : [];
  const rule = ruleForOnDemand(rules, ["User"]);
  return {
    since,
    rule: rule ? { id: rule.id, name: rule.name } : null,
    items,
    truncated: failed.truncated || later.truncated,
  };
}

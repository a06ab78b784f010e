import "server-only";
import { recordOf, type LogRecord, type ProvisioningObjectSummary } from "./entry";
import { compileLogFilter, indexLookups, type IndexedField, type LogFilterNode } from "./log-filter";

/** Where a page ended: the next page starts after this record, in the page's order. */
export interface LogPosition {
  at: number;
  seq: number;
}

export interface LogQuery {
  filter: LogFilterNode | null;
  descending: boolean;
  after: LogPosition | null;
  top: number;
}

export interface ProvisioningLog {
  /** Records an event written out in full (on-demand runs, simulated cycles). */
  append(entry: ProvisioningObjectSummary): LogRecord;
  /** Adds many records at once (the seeded history), each with its entry written when served. */
  load(records: Omit<LogRecord, "seq">[]): void;
  query(query: LogQuery): { records: LogRecord[]; more: boolean };
  /** Newest first, every record of one job (for the cycles' escrows). */
  newestOfJob(jobId: string): Iterable<LogRecord>;
  size(): number;
  clear(): void;
}

const INDEXED: IndexedField[] = [
  "id",
  "jobId",
  "changeId",
  "cycleId",
  "sourceId",
  "targetId",
  "servicePrincipalId",
];

const before = (a: LogPosition, b: LogPosition) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** The first index whose record is not before `position` (records sorted oldest first). */
function lowerBound(records: readonly LogRecord[], position: LogPosition): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(records[mid]!, position)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(records: LogRecord[], record: LogRecord): void {
  const last = records.at(-1);
  if (last === undefined || !before(record, last)) records.push(record);
  else records.splice(lowerBound(records, record), 0, record);
}

/** The demo tenant's provisioning log: every event oldest first, and an index per filterable id. */
export function createProvisioningLog(): ProvisioningLog {
  let all: LogRecord[] = [];
  let indexes = new Map<IndexedField, Map<string, LogRecord[]>>();
  let nextSeq = 0;

  const resetIndexes = () => {
    indexes = new Map(INDEXED.map((field) => [field, new Map<string, LogRecord[]>()]));
  };
  resetIndexes();

  function index(record: LogRecord): void {
    for (const field of INDEXED) {
      const key = record[field];
      if (key === "") continue;
      const byValue = indexes.get(field)!;
      const list = byValue.get(key);
      if (list) insertSorted(list, record);
      else byValue.set(key, [record]);
    }
  }

  const lookup = (field: IndexedField, value: string) => indexes.get(field)!.get(value) ?? [];

  function candidates(filter: LogFilterNode | null): readonly LogRecord[] {
    if (filter === null) return all;
    const lookups = indexLookups(filter, ({ field, value }) => lookup(field, value).length);
    if (lookups === null) return all;
    if (lookups.length === 1) return lookup(lookups[0]!.field, lookups[0]!.value);
    const union = new Map<number, LogRecord>();
    for (const { field, value } of lookups)
      for (const record of lookup(field, value)) union.set(record.seq, record);
    return [...union.values()].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  return {
    append(entry) {
      const record = recordOf(entry, nextSeq++);
      insertSorted(all, record);
      index(record);
      return record;
    },

    load(records) {
      const added = records.map((record) => ({ ...record, seq: nextSeq++ }));
      all = [...all, ...added].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      resetIndexes();
      for (const record of all) index(record);
    },

    query({ filter, descending, after, top }) {
      const matches = filter === null ? () => true : compileLogFilter(filter);
      const list = candidates(filter);
      const found: LogRecord[] = [];
      if (descending) {
        let i = after ? lowerBound(list, after) - 1 : list.length - 1;
        for (; i >= 0 && found.length <= top; i--) if (matches(list[i]!)) found.push(list[i]!);
      } else {
        let i = after ? lowerBound(list, { at: after.at, seq: after.seq + 1 }) : 0;
        for (; i < list.length && found.length <= top; i++) if (matches(list[i]!)) found.push(list[i]!);
      }
      return { records: found.slice(0, top), more: found.length > top };
    },

    *newestOfJob(jobId) {
      const list = lookup("jobId", jobId);
      for (let i = list.length - 1; i >= 0; i--) yield list[i]!;
    },

    size: () => all.length,

    clear() {
      all = [];
      nextSeq = 0;
      resetIndexes();
    },
  };
}

import "server-only";
import { betaEntry, type LogRecord } from "../provisioning-log/entry";
import { parseLogFilter } from "../provisioning-log/log-filter";
import type { LogPosition, ProvisioningLog } from "../provisioning-log/store";
import { jsonResult, type GraphCall, type GraphResult } from "./graph-call";
import { badRequest, resourceNotFound, unsupportedQuery } from "./graph-error";
import { contextUrl } from "./odata";
import type { Route } from "./routes";

// GET /auditLogs/provisioning (v1.0 and beta): the tenant's provisioning events, newest first unless
// told otherwise, with $filter (eq, contains, gt, lt; case-sensitive), $orderby, $top, $skiptoken.

export const DEFAULT_LOG_PAGE_SIZE = 50;
export const MAX_LOG_PAGE_SIZE = 1000;
const OPTIONS = new Set(["$filter", "$top", "$skiptoken", "$orderby", "$select"]);

const option = (call: GraphCall, name: string): string | null => {
  for (const [key, value] of call.query) if (key.toLowerCase() === name) return value;
  return null;
};

interface PageToken extends LogPosition {
  descending: boolean;
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify({ a: token.at, s: token.seq, d: token.descending ? 1 : 0 })).toString(
    "base64url",
  );
}

function decodeToken(text: string): PageToken {
  try {
    const parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Record<string, unknown>;
    if (Number.isFinite(parsed.a) && Number.isInteger(parsed.s) && (parsed.d === 0 || parsed.d === 1))
      return { at: parsed.a as number, seq: parsed.s as number, descending: parsed.d === 1 };
  } catch {
    // fall through
  }
  throw badRequest(
    `The $skiptoken '${text}' is not valid; use the @odata.nextLink of the previous page as it is.`,
  );
}

function pageSize(call: GraphCall): number {
  const text = option(call, "$top");
  if (text === null) return DEFAULT_LOG_PAGE_SIZE;
  const top = Number(text);
  if (!Number.isInteger(top) || top < 1 || top > MAX_LOG_PAGE_SIZE)
    throw badRequest(
      `Invalid page size specified: '${text}'. Must be between 1 and ${MAX_LOG_PAGE_SIZE} inclusive.`,
    );
  return top;
}

function descendingOrder(call: GraphCall): boolean {
  const text = option(call, "$orderby");
  if (text === null) return true;
  const match = /^\s*activityDateTime(?:\s+(asc|desc))?\s*$/i.exec(text);
  if (!match)
    throw unsupportedQuery(
      `Unsupported $orderby '${text}' on provisioningObjectSummary; order by activityDateTime asc or desc.`,
    );
  return match[1]?.toLowerCase() === "desc";
}

function selection(call: GraphCall): string[] | null {
  const text = option(call, "$select");
  if (text === null || text.trim() === "") return null;
  return text.split(",").map((name) => name.trim());
}

function served(record: LogRecord, call: GraphCall, select: string[] | null): Record<string, unknown> {
  const entry = record.entry();
  const full: Record<string, unknown> = call.version === "beta" ? betaEntry(entry) : { ...entry };
  if (select === null) return full;
  const out: Record<string, unknown> = {};
  for (const name of select) {
    const key = Object.keys(full).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined)
      throw badRequest(
        `Could not find a property named '${name}' on type 'microsoft.graph.provisioningObjectSummary'.`,
      );
    out[key] = full[key];
  }
  return out;
}

function nextLink(call: GraphCall, token: PageToken): string {
  const kept = [...call.query].filter(([key]) => key.toLowerCase() !== "$skiptoken");
  const query = [...kept, ["$skiptoken", encodeToken(token)] as const]
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
  return `${call.origin}/${call.version}/${call.segments.map(encodeURIComponent).join("/")}?${query}`;
}

function listEvents(call: GraphCall, log: ProvisioningLog): GraphResult {
  for (const key of call.query.keys())
    if (key.startsWith("$") && !OPTIONS.has(key.toLowerCase()))
      throw badRequest(
        `Query option '${key}' is not supported on this resource; supported: ${[...OPTIONS].join(", ")}.`,
      );
  const top = pageSize(call);
  const descending = descendingOrder(call);
  const skip = option(call, "$skiptoken");
  const token = skip === null ? null : decodeToken(skip);
  if (token && token.descending !== descending)
    throw badRequest("The $skiptoken belongs to a different $orderby; use the @odata.nextLink as it is.");
  const filterText = option(call, "$filter");
  const filter = filterText === null ? null : parseLogFilter(filterText, call.version);
  const select = selection(call);
  const { records, more } = log.query({ filter, descending, after: token, top });
  const last = records.at(-1);
  return jsonResult({
    "@odata.context": contextUrl(call.version, "auditLogs/provisioning"),
    ...(more && last
      ? { "@odata.nextLink": nextLink(call, { at: last.at, seq: last.seq, descending }) }
      : {}),
    value: records.map((record) => served(record, call, select)),
  });
}

function getEvent(call: GraphCall, log: ProvisioningLog, id: string): GraphResult {
  const [record] = log.query({
    filter: parseLogFilter(`id eq '${id.replaceAll("'", "''")}'`, call.version),
    descending: true,
    after: null,
    top: 1,
  }).records;
  if (!record) throw resourceNotFound(id);
  return jsonResult({
    "@odata.context": contextUrl(call.version, "auditLogs/provisioning/$entity"),
    ...served(record, call, selection(call)),
  });
}

export function provisioningLogRoutes(log: () => ProvisioningLog): Route[] {
  return [
    { pattern: ["auditLogs", "provisioning"], methods: { GET: (c) => listEvents(c, log()) } },
    { pattern: ["auditLogs", "provisioning", ":"], methods: { GET: (c, [id]) => getEvent(c, log(), id!) } },
  ];
}

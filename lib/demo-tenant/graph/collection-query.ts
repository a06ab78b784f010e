import "server-only";
import { compileFilter, type ItemPredicate } from "./filter-expression";
import { expandedValues, parseExpand, type Expansions, type ExpandRequest } from "./expand";
import { jsonResult, type GraphCall, type GraphResult } from "./graph-call";
import { badRequest, unsupportedQuery } from "./graph-error";
import { lowerCaseOf } from "./lower-case-keys";
import { contextUrl } from "./odata";
import { versionOf, type ResourceSpec } from "./resources";
import { compileSearch } from "./search-expression";

// One query pipeline for every Graph collection: $filter, $search, $orderby, $count, $select, $expand,
// $top, $skiptoken — with Graph's rule that some of them need an advanced query
// (`ConsistencyLevel: eventual` and `$count=true`).

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;
const COLLECTION_OPTIONS = new Set([
  "$top",
  "$skiptoken",
  "$select",
  "$filter",
  "$search",
  "$count",
  "$orderby",
  "$expand",
]);
const ENTITY_OPTIONS = new Set(["$select", "$expand"]);

interface CollectionQuery<T> {
  top: number;
  offset: number;
  properties: string[];
  selected: string[] | null;
  /** All of $filter and $search, or null when neither is given. */
  predicate: ItemPredicate<T> | null;
  order: ((a: T, b: T) => number) | null;
  count: boolean;
  expand: ExpandRequest[];
}

const isEventual = (call: GraphCall) =>
  call.headers.get("ConsistencyLevel")?.trim().toLowerCase() === "eventual";

/** Graph's advanced queries: the ConsistencyLevel header and $count=true, both. */
const isAdvanced = (call: GraphCall) => isEventual(call) && option(call, "$count") === "true";

const needsAdvanced = (operator: string) =>
  unsupportedQuery(
    `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count with a value of true and ConsistencyLevel header with a value of eventual.`,
  );

function rejectUnknownOptions(call: GraphCall, allowed: Set<string>) {
  for (const key of call.query.keys()) {
    const normalized = key.toLowerCase();
    if (normalized.startsWith("$") && !allowed.has(normalized))
      throw badRequest(
        `Query option '${key}' is not supported on this resource; supported: ${[...allowed].join(", ")}.`,
      );
  }
}

const option = (call: GraphCall, name: string): string | null => {
  for (const [key, value] of call.query) if (key.toLowerCase() === name) return value;
  return null;
};

/** The properties to serve: $select (validated against this version's type) or the version's default set. */
export function selectedProperties<T>(
  call: GraphCall,
  spec: ResourceSpec<T>,
  raw = option(call, "$select"),
): { properties: string[]; selected: string[] | null } {
  const version = versionOf(spec, call.version);
  if (raw === null || raw.trim() === "") return { properties: [...version.defaults], selected: null };
  const properties = raw.split(",").map((name) => {
    const trimmed = name.trim();
    const canonical = version.properties.find((p) => p.toLowerCase() === trimmed.toLowerCase());
    if (!canonical)
      throw badRequest(`Could not find a property named '${trimmed}' on type '${spec.odataType}'.`);
    return canonical;
  });
  const unique = [...new Set(properties)];
  return { properties: unique, selected: unique };
}

export function parseCollectionQuery<T extends object>(
  call: GraphCall,
  spec: ResourceSpec<T>,
  /** `/$count` is an advanced query by itself. */
  countSegment = false,
): CollectionQuery<T> {
  rejectUnknownOptions(call, COLLECTION_OPTIONS);
  const topText = option(call, "$top");
  const top = topText === null ? DEFAULT_PAGE_SIZE : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE)
    throw badRequest(
      `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
    );

  const token = option(call, "$skiptoken");
  const offset = token === null ? 0 : decodeSkipToken(token);

  const countText = option(call, "$count");
  if (countText !== null && countText !== "true" && countText !== "false")
    throw badRequest(`Invalid value '${countText}' for $count; use true or false.`);
  const count = countText === "true";
  if (count && !isEventual(call))
    throw unsupportedQuery("$count is only supported with the 'ConsistencyLevel: eventual' request header.");

  const predicates: ItemPredicate<T>[] = [];
  const filter = option(call, "$filter");
  if (filter !== null) {
    const compiled = compileFilter(filter, spec);
    const [first] = compiled.advanced;
    if (first !== undefined && !(isAdvanced(call) || (countSegment && isEventual(call))))
      throw needsAdvanced(first);
    predicates.push(compiled.predicate);
  }
  const search = option(call, "$search");
  if (search !== null) {
    if (!isEventual(call))
      throw unsupportedQuery(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    predicates.push(compileSearch(search, spec));
  }

  const [first, second] = predicates;
  const predicate = first && second ? (item: T) => first(item) && second(item) : (first ?? null);
  return {
    top,
    offset,
    ...selectedProperties(call, spec),
    predicate,
    order: parseOrderBy(call, spec, filter !== null || search !== null),
    count,
    expand: parseExpand(option(call, "$expand")),
  };
}

/**
 * `$orderby=displayName desc`, one or more keys. Without an advanced query Graph sorts only by the
 * type's few sortable properties and never together with $filter or $search.
 */
function parseOrderBy<T extends object>(
  call: GraphCall,
  spec: ResourceSpec<T>,
  narrowed: boolean,
): ((a: T, b: T) => number) | null {
  const text = option(call, "$orderby");
  if (text === null) return null;
  const keys = text.split(",").map((part) => {
    const match = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    const property = match
      ? Object.keys(spec.filters).find((p) => p.toLowerCase() === match[1]!.toLowerCase())
      : undefined;
    const get = property ? spec.properties[property] : undefined;
    if (!match || !property || !get)
      throw unsupportedQuery(
        `Unsupported $orderby '${text}' on resource '${spec.typeName}'; order by filterable properties, asc or desc.`,
      );
    if (!isAdvanced(call) && (narrowed || !(spec.orderable ?? []).includes(property)))
      throw unsupportedQuery("Sorting not supported for current query.");
    const sign = match[2]?.toLowerCase() === "desc" ? -1 : 1;
    const key = (item: T) => {
      const v = get(item);
      return typeof v === "string" ? lowerCaseOf(item, property, v) : String(v ?? "");
    };
    return (a: T, b: T) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  });
  return (a, b) => {
    for (const compare of keys) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function decodeSkipToken(token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "o" in parsed &&
      Number.isInteger(parsed.o) &&
      (parsed.o as number) >= 0
    )
      return parsed.o as number;
  } catch {
    // fall through to the error below
  }
  throw badRequest(
    `The $skiptoken '${token}' is not valid; use the @odata.nextLink of the previous page as it is.`,
  );
}

const encodeSkipToken = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");

export function project<T>(item: T, spec: ResourceSpec<T>, properties: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of properties) out[p] = spec.properties[p]?.(item);
  return out;
}

function requestPath(call: GraphCall): string {
  return `${call.origin}/${call.version}/${call.segments.map(encodeURIComponent).join("/")}`;
}

function nextLink(call: GraphCall, offset: number): string {
  const kept = [...call.query].filter(([key]) => key.toLowerCase() !== "$skiptoken");
  const parts = [...kept, ["$skiptoken", encodeSkipToken(offset)] as const].map(
    ([k, v]) => `${k}=${encodeURIComponent(v)}`,
  );
  return `${requestPath(call)}?${parts.join("&")}`;
}

const withSelection = (fragment: string, selected: string[] | null) =>
  selected ? `${fragment}(${selected.join(",")})` : fragment;

/** The matching items, in order; stops after `enough` when nothing needs the full set. */
function matching<T extends object>(
  items: Iterable<T>,
  query: CollectionQuery<T>,
  enough = Number.POSITIVE_INFINITY,
): T[] {
  const out: T[] = [];
  const { predicate } = query;
  for (const item of items) {
    if (predicate === null || predicate(item)) out.push(item);
    if (out.length >= enough && !query.order) break;
  }
  if (query.order) out.sort(query.order);
  return out;
}

export interface CollectionOptions<T> {
  /** `users`, `directoryObjects`, `servicePrincipals('…')/appRoleAssignedTo`. */
  contextFragment: string;
  /** Members of a group carry their type, as directoryObjects do in Graph. */
  odataType?: string;
  /** The relationships $expand may inline. */
  expansions?: Expansions<T>;
}

const selectFor = (call: GraphCall, spec: ResourceSpec<unknown>, raw: string | null) =>
  selectedProperties(call, spec, raw);

function present<T>(
  item: T,
  call: GraphCall,
  spec: ResourceSpec<T>,
  properties: string[],
  expand: ExpandRequest[],
  options: { odataType?: string; expansions?: Expansions<T> },
): Record<string, unknown> {
  return {
    ...(options.odataType ? { "@odata.type": options.odataType } : {}),
    ...project(item, spec, properties),
    ...expandedValues(item, call, spec, expand, options.expansions, selectFor),
  };
}

/** One page of a collection in Graph's shape, with @odata.count and @odata.nextLink when they apply. */
export function collectionPage<T extends object>(
  items: Iterable<T>,
  call: GraphCall,
  spec: ResourceSpec<T>,
  options: CollectionOptions<T>,
): GraphResult {
  const query = parseCollectionQuery(call, spec);
  // One more than the page tells whether a next page exists; $count needs them all.
  const all = matching(items, query, query.count ? Number.POSITIVE_INFINITY : query.offset + query.top + 1);
  const page = all.slice(query.offset, query.offset + query.top);
  const value = page.map((item) => present(item, call, spec, query.properties, query.expand, options));
  const more = query.offset + query.top < all.length;
  return jsonResult({
    "@odata.context": contextUrl(call.version, withSelection(options.contextFragment, query.selected)),
    ...(query.count ? { "@odata.count": all.length } : {}),
    ...(more ? { "@odata.nextLink": nextLink(call, query.offset + query.top) } : {}),
    value,
  });
}

/** `/users/$count`: the number as text/plain; like Graph, only with ConsistencyLevel: eventual. */
export function collectionCount<T extends object>(
  items: Iterable<T>,
  call: GraphCall,
  spec: ResourceSpec<T>,
): GraphResult {
  if (!isEventual(call))
    throw unsupportedQuery("$count is only supported with the 'ConsistencyLevel: eventual' request header.");
  const query = parseCollectionQuery(call, spec, true);
  return {
    status: 200,
    headers: { "Content-Type": "text/plain;charset=utf-8" },
    body: String(matching(items, query).length),
  };
}

/** A single entity with optional $select and $expand. */
export function entityResult<T>(
  item: T,
  call: GraphCall,
  spec: ResourceSpec<T>,
  collectionFragment: string,
  options: { odataType?: string; expansions?: Expansions<T> } = {},
): GraphResult {
  rejectUnknownOptions(call, ENTITY_OPTIONS);
  const { properties, selected } = selectedProperties(call, spec);
  return jsonResult({
    "@odata.context": contextUrl(call.version, `${withSelection(collectionFragment, selected)}/$entity`),
    ...present(item, call, spec, properties, parseExpand(option(call, "$expand")), options),
  });
}

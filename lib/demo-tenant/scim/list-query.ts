import "server-only";

import { parseFilter, type Filter } from "./filter";
import type { Projection } from "./projection";
import { isPlainObject } from "./resource-normalization";
import { ScimError } from "./scim-error";

export const SEARCH_REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
/** The most resources one page holds; advertised as filter.maxResults. */
export const MAX_RESULTS = 1000;

export interface ListQuery extends Projection {
  filter: Filter | null;
  /** 1-based, as in RFC 7644 §3.4.2.4. */
  startIndex: number;
  count: number;
}

type RawQuery = Partial<
  Record<"filter" | "startIndex" | "count" | "attributes" | "excludedAttributes", unknown>
>;
const PARAMETERS = ["filter", "startIndex", "count", "attributes", "excludedAttributes"] as const;

function readInteger(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*-?\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(number))
    throw ScimError.badRequest("invalidValue", `"${name}" must be an integer; got ${JSON.stringify(value)}.`);
  return number;
}

function readNames(name: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === "string"))
    throw ScimError.badRequest("invalidValue", `"${name}" must be a list of attribute names.`);
  return list
    .flatMap((item) => item.split(","))
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function toListQuery(raw: RawQuery): ListQuery {
  if (raw.filter !== undefined && raw.filter !== null && typeof raw.filter !== "string") {
    throw ScimError.badRequest("invalidFilter", '"filter" must be a string.');
  }
  const filterSource = typeof raw.filter === "string" ? raw.filter.trim() : "";
  return {
    filter: filterSource === "" ? null : parseFilter(filterSource),
    // Out-of-range values are clamped as RFC 7644 §3.4.2.4 prescribes.
    startIndex: Math.max(1, readInteger("startIndex", raw.startIndex) ?? 1),
    count: Math.min(MAX_RESULTS, Math.max(0, readInteger("count", raw.count) ?? MAX_RESULTS)),
    attributes: readNames("attributes", raw.attributes),
    excludedAttributes: readNames("excludedAttributes", raw.excludedAttributes),
  };
}

function pickParameters(lookup: (name: string) => unknown): RawQuery {
  return Object.fromEntries(PARAMETERS.map((name) => [name, lookup(name)]));
}

function parametersByName(params: URLSearchParams): (name: string) => unknown {
  const byName = new Map<string, string>();
  params.forEach((value, key) => byName.set(key.toLowerCase(), value));
  return (name) => byName.get(name.toLowerCase());
}

/** Query parameters of a GET; names are matched case-insensitively. */
export function listQueryFromParams(params: URLSearchParams): ListQuery {
  return toListQuery(pickParameters(parametersByName(params)));
}

/** The body of a POST …/.search (RFC 7644 §3.4.3). */
export function listQueryFromSearchRequest(body: unknown): ListQuery {
  if (!isPlainObject(body))
    throw ScimError.badRequest("invalidSyntax", "A search request must be a JSON object.");
  const byName = new Map(Object.entries(body).map(([key, value]) => [key.toLowerCase(), value]));
  return toListQuery(pickParameters((name) => byName.get(name.toLowerCase())));
}

/** The projection parameters alone, for requests that answer with a single resource. */
export function projectionFromParams(params: URLSearchParams): Projection {
  const lookup = parametersByName(params);
  return {
    attributes: readNames("attributes", lookup("attributes")),
    excludedAttributes: readNames("excludedAttributes", lookup("excludedAttributes")),
  };
}

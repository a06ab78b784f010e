"use client";
import type { ApiErrorBody } from "@/lib/api/errors";

/** An /api answer that was not 2xx, with the error shape's code, message and ids. */
export class ApiClientError extends Error {
  override name = "ApiClientError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly graphRequestId: string | null,
    /** Entra mode: which sign-in or permission check refused the call (`token_expired`, `consent_required`, …). */
    readonly authReason: string | null = null,
  ) {
    super(message);
  }
}

/**
 * Gives the console API token for the signed-in user; registered by the sign-in provider in Entra
 * mode. `fresh`: not from the cache (the console refused the cached one as expired).
 */
export type AccessTokenSource = (options?: { fresh?: boolean }) => Promise<string>;

let accessTokenSource: AccessTokenSource | null = null;
const authRefusalListeners = new Set<(error: ApiClientError) => void>();

/** Every later /api call carries `Authorization: Bearer <token>` from this source (null: none). */
export function setAccessTokenSource(source: AccessTokenSource | null): void {
  accessTokenSource = source;
}

/** Called with every 401/403 that names an auth reason, so one place can prompt (consent, sign-in). */
export function onAuthRefusal(listener: (error: ApiClientError) => void): () => void {
  authRefusalListeners.add(listener);
  return () => void authRefusalListeners.delete(listener);
}

/** Encodes each dynamic segment of an /api path: `apiPath("service-principals", id, "jobs")`. */
export function apiPath(...segments: string[]): string {
  return `/api/${segments.map(encodeURIComponent).join("/")}`;
}

export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Accept, and in Entra mode the signed-in user's bearer token, under any headers the caller gives. */
async function apiHeaders(accept: string, given: HeadersInit | undefined, fresh = false): Promise<Headers> {
  const sent = new Headers({ Accept: accept });
  if (accessTokenSource) sent.set("Authorization", `Bearer ${await accessTokenSource({ fresh })}`);
  new Headers(given).forEach((value, name) => sent.set(name, value));
  return sent;
}

/**
 * fetch with the signed-in user's token; when the console answers 401 token_expired (its clock says
 * the cached token is past its time), once more with a fresh token.
 */
async function fetchWithToken(path: string, init: RequestInit, accept: string): Promise<Response> {
  const first = await fetch(path, { ...init, headers: await apiHeaders(accept, init.headers) });
  if (first.status !== 401 || !accessTokenSource) return first;
  const refusal = (await first
    .clone()
    .json()
    .catch(() => null)) as Partial<ApiErrorBody> | null;
  if (refusal?.error?.authReason !== "token_expired") return first;
  return fetch(path, { ...init, headers: await apiHeaders(accept, init.headers, true) });
}

/** A non-2xx answer as ApiClientError (listeners hear of sign-in refusals first). */
function failureOf(response: Response, text: string): ApiClientError {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a proxy's error page, say. Reported with the status.
  }
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  const failure = new ApiClientError(
    response.status,
    error?.code ?? "http_error",
    error?.message ?? `The console's server answered ${response.status} ${response.statusText}.`,
    error?.requestId ?? response.headers.get("x-request-id"),
    error?.graphRequestId ?? null,
    error?.authReason ?? null,
  );
  if (failure.authReason) for (const listener of authRefusalListeners) listener(failure);
  return failure;
}

/** fetch for the console's own API: JSON in and out, errors as ApiClientError. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const sent = new Headers(headers);
  if (json !== undefined && !sent.has("content-type")) sent.set("Content-Type", "application/json");
  const response = await fetchWithToken(
    path,
    { ...rest, headers: sent, body: json === undefined ? rest.body : JSON.stringify(json) },
    "application/json",
  );
  const text = await response.text();
  if (!response.ok) throw failureOf(response, text);
  try {
    return (text ? JSON.parse(text) : null) as T;
  } catch {
    return null as T;
  }
}

/**
 * Saves a file the API serves (an export, the audit CSV). A plain download link cannot carry the
 * signed-in user's token in Entra mode; this fetches with it and hands the browser the file.
 */
export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const response = await fetchWithToken(path, {}, "*/*");
  if (!response.ok) throw failureOf(response, await response.text());
  const name =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

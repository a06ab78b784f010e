import "server-only";

import type { ScimResource } from "./scim-path";

/** A failed call to a SCIM endpoint, already named with the error code Entra would log. */
export class ScimCallError extends Error {
  constructor(
    readonly errorCode: string,
    /** The HTTP status, or null when no answer came back. */
    readonly status: number | null,
    /** The target's own message (SCIM `detail`), or what went wrong on the wire. */
    readonly targetMessage: string,
    /** e.g. "POST /Users". */
    readonly call: string,
    readonly recommendedAction: string,
  ) {
    super(targetMessage);
    this.name = "ScimCallError";
  }
}

const RECOMMENDED: Record<string, string> = {
  EntryConflict:
    "An object with the same unique value already exists in the application. Remove or rename the duplicate there, or change the matching attribute so the existing account is matched.",
  SystemForCrossDomainIdentityManagementInvalidCredentials:
    "Check the tenant URL and secret token in the provisioning settings, then test the connection.",
  InsufficientRights:
    "The token is accepted but not allowed to do this. Check the permissions of the token in the application.",
  InvalidAnchor:
    "The account matched earlier no longer exists in the application. Run provisioning again so it is matched or created anew.",
  TooManyRequests: "The application is throttling requests. Wait and try again.",
  InternalServerError:
    "The application failed unexpectedly. Check its logs; the regular cycle retries the change.",
  SystemForCrossDomainIdentityManagementBadResponse:
    "The application rejected the request. Read its message, then fix the source value or the attribute mapping it names.",
  SystemForCrossDomainIdentityManagementServiceIncompatible:
    "The application's answer is not valid SCIM. Make the endpoint answer as the SCIM 2.0 standard and Entra's SCIM client expect.",
  SystemForCrossDomainIdentityManagementServiceUnavailable:
    "The application could not be reached. Check that the tenant URL is right and the endpoint is up.",
  Timeout:
    "The application took too long to answer. Check its performance; the regular cycle retries the change.",
};

function errorCodeFor(status: number, method: string): string {
  if (status === 409) return "EntryConflict";
  if (status === 401) return "SystemForCrossDomainIdentityManagementInvalidCredentials";
  if (status === 403) return "InsufficientRights";
  if (status === 404 && method !== "GET" && method !== "POST") return "InvalidAnchor";
  if (status === 429) return "TooManyRequests";
  if (status >= 500) return "InternalServerError";
  return "SystemForCrossDomainIdentityManagementBadResponse";
}

function callError(errorCode: string, status: number | null, message: string, call: string): ScimCallError {
  return new ScimCallError(errorCode, status, message, call, RECOMMENDED[errorCode] ?? "");
}

export interface ScimClientOptions {
  baseUrl: string;
  bearerToken: string | null;
  fetch: (request: Request) => Promise<Response>;
  timeoutMs?: number;
}

export interface ScimListResponse {
  totalResults: number;
  Resources: ScimResource[];
}

export interface ScimPatchOperation {
  op: "Add" | "Replace" | "Remove";
  path: string;
  value?: unknown;
}

/** Speaks SCIM 2.0 to one application the way Entra's provisioning service does. */
export class ScimClient {
  private readonly base: string;

  constructor(private readonly options: ScimClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, "");
  }

  async query(
    resourceType: "Users" | "Groups",
    filter: string,
    excludedAttributes?: string,
  ): Promise<ScimListResponse> {
    const params = new URLSearchParams();
    if (excludedAttributes) params.set("excludedAttributes", excludedAttributes);
    params.set("filter", filter);
    const body = await this.call("GET", `/${resourceType}?${params.toString().replace(/\+/g, "%20")}`);
    const list = body as Partial<ScimListResponse> | null;
    const resources = list?.Resources ?? [];
    if (!Array.isArray(resources) || resources.some((r) => r === null || typeof r !== "object")) {
      throw callError(
        "SystemForCrossDomainIdentityManagementServiceIncompatible",
        200,
        "The ListResponse has no valid Resources.",
        `GET /${resourceType}`,
      );
    }
    return {
      totalResults: typeof list?.totalResults === "number" ? list.totalResults : resources.length,
      Resources: resources,
    };
  }

  async get(resourceType: "Users" | "Groups", id: string): Promise<ScimResource> {
    return this.resource(
      await this.call("GET", `/${resourceType}/${encodeURIComponent(id)}`),
      `GET /${resourceType}/{id}`,
    );
  }

  async create(resourceType: "Users" | "Groups", resource: ScimResource): Promise<ScimResource> {
    return this.resource(await this.call("POST", `/${resourceType}`, resource), `POST /${resourceType}`);
  }

  async patch(resourceType: "Users" | "Groups", id: string, operations: ScimPatchOperation[]): Promise<void> {
    await this.call("PATCH", `/${resourceType}/${encodeURIComponent(id)}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: operations,
    });
  }

  async delete(resourceType: "Users" | "Groups", id: string): Promise<void> {
    await this.call("DELETE", `/${resourceType}/${encodeURIComponent(id)}`);
  }

  private resource(body: unknown, call: string): ScimResource {
    if (body === null || typeof body !== "object" || typeof (body as ScimResource).id !== "string") {
      throw callError(
        "SystemForCrossDomainIdentityManagementServiceIncompatible",
        200,
        "The answer is not a SCIM resource with an id.",
        call,
      );
    }
    return body as ScimResource;
  }

  private async call(method: string, pathAndQuery: string, body?: unknown): Promise<unknown> {
    const call = `${method} ${pathAndQuery.split("?")[0]}`;
    const response = await this.send(method, pathAndQuery, body, call);
    const text = await response.text();
    let parsed: unknown = null;
    if (text.trim() !== "") {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (response.ok) {
          throw callError(
            "SystemForCrossDomainIdentityManagementServiceIncompatible",
            response.status,
            "The answer is not JSON.",
            call,
          );
        }
      }
    }
    if (!response.ok) {
      throw callError(
        errorCodeFor(response.status, method),
        response.status,
        targetMessage(parsed, text, response),
        call,
      );
    }
    return parsed;
  }

  /** The HTTP exchange itself; no answer at all (refused, timed out) is a call error too. */
  private async send(method: string, pathAndQuery: string, body: unknown, call: string): Promise<Response> {
    const headers = new Headers({ Accept: "application/scim+json" });
    if (body !== undefined) headers.set("Content-Type", "application/scim+json");
    if (this.options.bearerToken) headers.set("Authorization", `Bearer ${this.options.bearerToken}`);
    try {
      return await this.options.fetch(
        new Request(this.base + pathAndQuery, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        }),
      );
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const message = error instanceof Error ? error.message : String(error);
      throw callError(
        timedOut ? "Timeout" : "SystemForCrossDomainIdentityManagementServiceUnavailable",
        null,
        timedOut
          ? `No answer within the time limit: ${message}`
          : `The endpoint could not be reached: ${message}`,
        call,
      );
    }
  }
}

/** SCIM errors carry `detail`; anything else is shown as the target sent it. */
function targetMessage(parsed: unknown, text: string, response: Response): string {
  if (parsed !== null && typeof parsed === "object") {
    const error = parsed as Record<string, unknown>;
    const detail = typeof error.detail === "string" ? error.detail : null;
    const scimType = typeof error.scimType === "string" ? error.scimType : null;
    if (detail) return scimType ? `${detail} (scimType: ${scimType})` : detail;
  }
  return text.trim().slice(0, 500) || response.statusText || `HTTP ${response.status}`;
}

/** A SCIM filter string literal (RFC 7644 §3.4.2.2): JSON string rules. */
export function scimFilterEquals(attribute: string, value: string): string {
  return `${attribute} eq ${JSON.stringify(value)}`;
}

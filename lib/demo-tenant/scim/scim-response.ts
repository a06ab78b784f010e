import "server-only";

import type { ScimObject } from "./resource-normalization";
import { ScimError } from "./scim-error";

export const SCIM_CONTENT_TYPE = "application/scim+json";
export const LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export function scimJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": SCIM_CONTENT_TYPE, ...headers },
  });
}

export function scimNoContent(): Response {
  return new Response(null, { status: 204 });
}

export function scimErrorResponse(error: ScimError): Response {
  return scimJson(error.status, error.toBody(), error.headers);
}

/** Any failure as a SCIM Error; what is not a ScimError is a fault of this target and its details stay here. */
export function responseForFailure(error: unknown): Response {
  if (error instanceof ScimError) return scimErrorResponse(error);
  console.error("SCIM target: unexpected failure", error);
  return scimErrorResponse(new ScimError(500, undefined, "The SCIM target failed to process the request."));
}

export function listResponse(resources: ScimObject[], totalResults: number, startIndex: number): ScimObject {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

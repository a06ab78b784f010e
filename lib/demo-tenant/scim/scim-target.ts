import "server-only";

import { timingSafeEqual } from "node:crypto";

import {
  resourceType,
  resourceTypes,
  schemaResource,
  SERVED_SCHEMAS,
  serviceProviderConfig,
} from "./discovery";
import {
  listQueryFromParams,
  listQueryFromSearchRequest,
  projectionFromParams,
  type ListQuery,
} from "./list-query";
import { projectResource, type Projection } from "./projection";
import { readScimBody } from "./request-body";
import { RejectionRules, type ScimRejectionRule } from "./rejection-rules";
import { findByName, GROUP_KIND, kindForEndpoint, RESOURCE_KINDS, type ResourceKind } from "./resource-kinds";
import { renderResource } from "./resource-rendering";
import type { ScimObject } from "./resource-normalization";
import { ScimDirectory, type DirectoryClock, type StoredResource } from "./scim-directory";
import { ScimError } from "./scim-error";
import { listResponse, responseForFailure, scimJson, scimNoContent } from "./scim-response";

export interface ScimTargetConfig {
  id: string;
  displayName: string;
  bearerToken: string | null;
  rejections?: ScimRejectionRule[];
}

export interface RequestLogEntry {
  method: string;
  /** The path below the target with its query, decoded for reading: `/Users?filter=userName eq "a"`. */
  path: string;
  status: number;
}

const REQUEST_LOG_LENGTH = 500;

function methodNotAllowed(method: string, allowed: string[]): ScimError {
  return new ScimError(405, undefined, `${method} is not supported here; use ${allowed.join(", ")}.`, {
    Allow: allowed.join(", "),
  });
}

function readableDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** One SCIM service provider: its directory, its rules and the record of what was asked of it. */
export class ScimTarget {
  readonly directory: ScimDirectory;
  private log: RequestLogEntry[] = [];
  /** The token it accepts now: the configured one until the app issues a new one. */
  private token: string | null;

  constructor(
    readonly config: ScimTargetConfig,
    clock: DirectoryClock,
  ) {
    this.directory = new ScimDirectory(clock, new RejectionRules(config.id, config.rejections ?? []));
    this.token = config.bearerToken;
  }

  reset(): void {
    this.directory.clear();
    this.log = [];
    this.token = this.config.bearerToken;
  }

  /** The app issues a new token: from now on only this one is accepted. */
  replaceBearerToken(token: string): void {
    this.token = token;
  }

  requestLog(): RequestLogEntry[] {
    return [...this.log];
  }

  /** `route` is the path below `/scim/{targetId}`; `baseUrl` is the absolute URL of the target. */
  async handle(request: Request, route: string, baseUrl: string): Promise<Response> {
    let response: Response;
    try {
      this.authenticate(request);
      response = await this.route(request, route, baseUrl);
    } catch (error) {
      response = responseForFailure(error);
    }
    const url = new URL(request.url);
    this.log.push({
      method: request.method,
      path: readableDecode(`${route}${url.search}`),
      status: response.status,
    });
    if (this.log.length > REQUEST_LOG_LENGTH) this.log.splice(0, this.log.length - REQUEST_LOG_LENGTH);
    return response;
  }

  private authenticate(request: Request): void {
    const expected = this.token;
    if (expected === null) return;
    const presented = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization")?.trim() ?? "")?.[1];
    const [left, right] = [Buffer.from(presented ?? ""), Buffer.from(expected)];
    if (presented === undefined || left.length !== right.length || !timingSafeEqual(left, right)) {
      throw new ScimError(401, undefined, "A valid bearer token is required in the Authorization header.", {
        "WWW-Authenticate": 'Bearer realm="SCIM"',
      });
    }
  }

  private async route(request: Request, route: string, baseUrl: string): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    let segments: string[];
    try {
      segments = route
        .split("/")
        .filter((segment) => segment !== "")
        .map(decodeURIComponent);
    } catch {
      throw ScimError.notFound(`No SCIM endpoint at ${route}.`);
    }
    const [first = "", second, ...rest] = segments;
    const only = (allowed: string[]) => {
      if (!allowed.includes(method)) throw methodNotAllowed(method, allowed);
    };
    const endpoint = first.toLowerCase();

    if (rest.length > 0) throw ScimError.notFound(`No SCIM endpoint at ${route}.`);
    if (endpoint === "serviceproviderconfig" && second === undefined) {
      only(["GET"]);
      return scimJson(200, serviceProviderConfig(baseUrl, this.token !== null));
    }
    if (endpoint === "schemas") {
      only(["GET"]);
      if (second === undefined)
        return scimJson(200, listOf(SERVED_SCHEMAS.map((schema) => schemaResource(schema, baseUrl))));
      const schema = SERVED_SCHEMAS.find((candidate) => candidate.id.toLowerCase() === second.toLowerCase());
      if (!schema) throw ScimError.notFound(`Schema "${second}" not found.`);
      return scimJson(200, schemaResource(schema, baseUrl));
    }
    if (endpoint === "resourcetypes") {
      only(["GET"]);
      if (second === undefined) return scimJson(200, listOf(resourceTypes(baseUrl)));
      const kind = findByName(RESOURCE_KINDS, second);
      if (!kind) throw ScimError.notFound(`Resource type "${second}" not found.`);
      return scimJson(200, resourceType(kind, baseUrl));
    }
    if (endpoint === ".search" && second === undefined) {
      only(["POST"]);
      return scimJson(
        200,
        this.list(RESOURCE_KINDS, listQueryFromSearchRequest(await readScimBody(request)), baseUrl),
      );
    }
    if (endpoint === "bulk" || endpoint === "me")
      throw new ScimError(501, undefined, `/${first} is not supported by this target.`);

    const kind = kindForEndpoint(first);
    if (!kind) throw ScimError.notFound(`No SCIM endpoint at ${route}.`);
    if (second === undefined) {
      only(["GET", "POST"]);
      if (method === "GET")
        return scimJson(200, this.list([kind], listQueryFromParams(url.searchParams), baseUrl));
      const created = this.directory.create(kind, await readScimBody(request));
      return this.single(kind, created, baseUrl, projectionFromParams(url.searchParams), 201);
    }
    if (second === ".search") {
      only(["POST"]);
      return scimJson(
        200,
        this.list([kind], listQueryFromSearchRequest(await readScimBody(request)), baseUrl),
      );
    }
    return this.resourceRequest(request, kind, second, baseUrl);
  }

  private async resourceRequest(
    request: Request,
    kind: ResourceKind,
    id: string,
    baseUrl: string,
  ): Promise<Response> {
    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    const projection = projectionFromParams(url.searchParams);
    const ifMatch = request.headers.get("if-match");
    switch (method) {
      case "GET":
        return this.single(kind, this.directory.get(kind, id), baseUrl, projection, 200);
      case "PUT":
        return this.single(
          kind,
          this.directory.replace(kind, id, await readScimBody(request), ifMatch),
          baseUrl,
          projection,
          200,
        );
      case "PATCH": {
        const patched = this.directory.patch(kind, id, await readScimBody(request), ifMatch);
        // Entra expects 204 for group PATCH; a client that asks for attributes gets the resource.
        const wantsResource =
          kind !== GROUP_KIND || projection.attributes.length > 0 || projection.excludedAttributes.length > 0;
        return wantsResource ? this.single(kind, patched, baseUrl, projection, 200) : scimNoContent();
      }
      case "DELETE":
        this.directory.remove(kind, id, ifMatch);
        return scimNoContent();
      default:
        throw methodNotAllowed(method, ["GET", "PUT", "PATCH", "DELETE"]);
    }
  }

  private single(
    kind: ResourceKind,
    stored: StoredResource,
    baseUrl: string,
    projection: Projection,
    status: number,
  ): Response {
    const body = projectResource(kind, renderResource(kind, stored, baseUrl), projection);
    const headers: Record<string, string> = { ETag: stored.meta.version };
    if (status === 201) headers.Location = `${baseUrl}/${kind.endpoint}/${stored.id}`;
    return scimJson(status, body, headers);
  }

  private list(kinds: readonly ResourceKind[], query: ListQuery, baseUrl: string): ScimObject {
    const matches = kinds.flatMap((kind) =>
      this.directory.search(kind, query.filter).map((stored) => ({ kind, stored })),
    );
    const page = matches.slice(query.startIndex - 1, query.startIndex - 1 + query.count);
    const resources = page.map(({ kind, stored }) =>
      projectResource(kind, renderResource(kind, stored, baseUrl), query),
    );
    return listResponse(resources, matches.length, query.startIndex);
  }
}

function listOf(resources: ScimObject[]): ScimObject {
  return listResponse(resources, resources.length, 1);
}

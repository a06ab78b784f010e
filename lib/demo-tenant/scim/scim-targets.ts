import "server-only";

import { randomUUID } from "node:crypto";

import { kindForEndpoint } from "./resource-kinds";
import { renderResource } from "./resource-rendering";
import type { DirectoryClock } from "./scim-directory";
import { ScimError } from "./scim-error";
import { scimErrorResponse } from "./scim-response";
import { ScimTarget, type RequestLogEntry, type ScimTargetConfig } from "./scim-target";

export interface ScimTargets {
  /** Serves `/scim/{targetId}/…` (the pathname may start with that prefix; anything else → 404 SCIM error). */
  handle(request: Request): Promise<Response>;
  /** Back to empty stores and empty request logs. */
  reset(): void;
  /** A snapshot for tests and the demo; `meta.location` is a path (`/scim/{targetId}/Users/{id}`), not a URL. */
  list(targetId: string, type: "Users" | "Groups"): Record<string, unknown>[];
  /** The last 500 requests, oldest first. */
  requestLog(targetId: string): RequestLogEntry[];
  /** The demo takes an object out of the app (by userName or group displayName); false when it held none. */
  forget(targetId: string, type: "Users" | "Groups", name: string): boolean;
  /** The app issues a new bearer token; the old one is refused from now on (until reset). */
  replaceBearerToken(targetId: string, token: string): void;
}

export interface ScimTargetsOptions {
  /** For deterministic tests: the clock behind meta.created/lastModified and the id generator. */
  clock?: Partial<DirectoryClock>;
}

const TARGET_PATH = /^\/scim\/([^/]+)(\/.*)?$/;
const TARGET_ID = /^[A-Za-z0-9._~-]+$/;

export function createScimTargets(
  configs: ScimTargetConfig[],
  options: ScimTargetsOptions = {},
): ScimTargets {
  const clock: DirectoryClock = {
    now: options.clock?.now ?? (() => new Date()),
    newId: options.clock?.newId ?? randomUUID,
  };
  const targets = new Map<string, ScimTarget>();
  for (const config of configs) {
    if (!TARGET_ID.test(config.id))
      throw new Error(
        `SCIM target id "${config.id}" must be a non-empty URL path segment (letters, digits, . _ ~ -).`,
      );
    if (targets.has(config.id)) throw new Error(`SCIM target id "${config.id}" is configured twice.`);
    targets.set(config.id, new ScimTarget(config, clock));
  }

  function target(targetId: string): ScimTarget {
    const found = targets.get(targetId);
    if (!found)
      throw new Error(
        `No SCIM target "${targetId}"; configured: ${[...targets.keys()].join(", ") || "none"}.`,
      );
    return found;
  }

  return {
    async handle(request) {
      const url = new URL(request.url);
      const match = TARGET_PATH.exec(url.pathname);
      const found = match?.[1] === undefined ? undefined : targets.get(match[1]);
      if (!match?.[1] || !found)
        return scimErrorResponse(ScimError.notFound(`No SCIM target at ${url.pathname}.`));
      return found.handle(request, match[2] ?? "", `${url.origin}/scim/${match[1]}`);
    },

    reset() {
      for (const each of targets.values()) each.reset();
    },

    list(targetId, type) {
      const kind = kindForEndpoint(type);
      if (!kind) throw new Error(`Unknown SCIM resource type "${type}"; expected Users or Groups.`);
      const found = target(targetId);
      return found.directory.all(kind).map((stored) => renderResource(kind, stored, `/scim/${targetId}`));
    },

    forget(targetId, type, name) {
      const kind = kindForEndpoint(type);
      if (!kind) throw new Error(`Unknown SCIM resource type "${type}"; expected Users or Groups.`);
      return target(targetId).directory.forget(kind, name);
    },

    requestLog(targetId) {
      return target(targetId).requestLog();
    },

    replaceBearerToken(targetId, token) {
      target(targetId).replaceBearerToken(token);
    },
  };
}

import "server-only";

import { isDeepStrictEqual } from "node:util";

import { canonicalizePath, parseAttributePath } from "./attribute-path";
import { compileFilter, type Filter } from "./filter";
import { applyPatch } from "./patch-operations";
import type { RejectionRules, WriteOperation } from "./rejection-rules";
import { GROUP_KIND, RESOURCE_KINDS, USER_KIND, type ResourceKind } from "./resource-kinds";
import { isPlainObject, normalizeResource, type ScimObject } from "./resource-normalization";
import { ScimError } from "./scim-error";

export interface DirectoryClock {
  now: () => Date;
  newId: () => string;
}

interface StoredMeta {
  resourceType: ResourceKind["name"];
  created: string;
  lastModified: string;
  version: string;
}

export type StoredResource = ScimObject & { id: string; meta: StoredMeta };

interface Collection {
  /** Insertion order is creation order, which is the order lists are served in. */
  byId: Map<string, StoredResource>;
  /** Lower-cased userName (Users) or displayName (Groups) → id. */
  byUniqueName: Map<string, string>;
}

function uniqueAttribute(kind: ResourceKind): string {
  return kind.schema.attributes.find((definition) => definition.uniqueness === "server")?.name ?? "id";
}

function uniqueKey(kind: ResourceKind, resource: ScimObject): string | undefined {
  const value = resource[uniqueAttribute(kind)];
  return typeof value === "string" ? value.toLowerCase() : undefined;
}

function content(resource: ScimObject): ScimObject {
  const { id: _id, meta: _meta, ...rest } = resource;
  return rest;
}

function versionNumber(version: string): number {
  return Number(/\d+/.exec(version)?.[0] ?? "0");
}

function etagMatches(ifMatch: string | null, version: string): boolean {
  if (ifMatch === null) return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(version));
}

/** The Users and Groups of one SCIM target, with the rules RFC 7643/7644 put on writing them. */
export class ScimDirectory {
  private readonly collections = new Map<ResourceKind["name"], Collection>();

  constructor(
    private readonly clock: DirectoryClock,
    private readonly rejections: RejectionRules,
  ) {
    this.clear();
  }

  clear(): void {
    for (const kind of RESOURCE_KINDS)
      this.collections.set(kind.name, { byId: new Map(), byUniqueName: new Map() });
  }

  private collection(kind: ResourceKind): Collection {
    const collection = this.collections.get(kind.name);
    if (!collection) throw new Error(`No collection for ${kind.name}`);
    return collection;
  }

  all(kind: ResourceKind): StoredResource[] {
    return [...this.collection(kind).byId.values()];
  }

  get(kind: ResourceKind, id: string): StoredResource {
    const resource = this.collection(kind).byId.get(id);
    if (!resource) throw ScimError.notFound(`${kind.name} "${id}" not found.`);
    return resource;
  }

  /** Every resource the filter selects, in creation order; `eq` on id or the unique name is answered from an index. */
  search(kind: ResourceKind, filter: Filter | null): StoredResource[] {
    if (filter === null) return this.all(kind);
    const indexed = this.indexedCandidates(kind, filter);
    return (indexed ?? this.all(kind)).filter(compileFilter(kind, filter));
  }

  private indexedCandidates(kind: ResourceKind, filter: Filter): StoredResource[] | undefined {
    if (filter.op !== "eq" || typeof filter.compValue !== "string") return undefined;
    let path;
    try {
      path = canonicalizePath(kind, parseAttributePath(filter.attrPath)).path;
    } catch {
      return undefined;
    }
    if (path.urn !== null || path.filter !== null || path.subAttribute !== null) return undefined;
    const { byId, byUniqueName } = this.collection(kind);
    const id =
      path.attribute === "id"
        ? filter.compValue
        : path.attribute === uniqueAttribute(kind)
          ? byUniqueName.get(filter.compValue.toLowerCase())
          : null;
    if (id === null) return undefined;
    const found = id === undefined ? undefined : byId.get(id);
    return found ? [found] : [];
  }

  create(kind: ResourceKind, body: unknown): StoredResource {
    return this.commit(kind, normalizeResource(kind, body), "create", undefined);
  }

  replace(kind: ResourceKind, id: string, body: unknown, ifMatch: string | null): StoredResource {
    const current = this.getForWrite(kind, id, ifMatch);
    return this.commit(kind, normalizeResource(kind, body), "update", current);
  }

  patch(kind: ResourceKind, id: string, body: unknown, ifMatch: string | null): StoredResource {
    const current = this.getForWrite(kind, id, ifMatch);
    return this.commit(kind, applyPatch(kind, current, body), "update", current);
  }

  /** Removes the resource whose unique name (userName, displayName) is `name`, if there is one. */
  forget(kind: ResourceKind, name: string): boolean {
    const id = this.collection(kind).byUniqueName.get(name.toLowerCase());
    if (id === undefined) return false;
    this.remove(kind, id, null);
    return true;
  }

  remove(kind: ResourceKind, id: string, ifMatch: string | null): void {
    const current = this.getForWrite(kind, id, ifMatch);
    const { byId, byUniqueName } = this.collection(kind);
    byId.delete(id);
    const key = uniqueKey(kind, current);
    if (key !== undefined) byUniqueName.delete(key);
    this.dropMember(id);
  }

  private getForWrite(kind: ResourceKind, id: string, ifMatch: string | null): StoredResource {
    const current = this.get(kind, id);
    if (!etagMatches(ifMatch, current.meta.version)) {
      throw new ScimError(
        412,
        undefined,
        `${kind.name} "${id}" has changed: its version is ${current.meta.version}.`,
      );
    }
    return current;
  }

  private commit(
    kind: ResourceKind,
    candidate: ScimObject,
    operation: WriteOperation,
    current: StoredResource | undefined,
  ): StoredResource {
    const resource = kind === GROUP_KIND ? this.withResolvedMembers(candidate) : candidate;
    this.assertUnique(kind, resource, current?.id);
    this.rejections.assertAccepted(kind, resource, operation);
    if (current && isDeepStrictEqual(content(current), resource)) return current;

    const now = this.clock.now().toISOString();
    const id = current?.id ?? this.clock.newId();
    const meta: StoredMeta = {
      resourceType: kind.name,
      created: current?.meta.created ?? now,
      lastModified: now,
      version: `W/"${current ? versionNumber(current.meta.version) + 1 : 1}"`,
    };
    const { schemas, ...attributes } = resource;
    const stored: StoredResource = { schemas, id, ...attributes, meta };

    const { byId, byUniqueName } = this.collection(kind);
    const previousKey = current && uniqueKey(kind, current);
    if (previousKey !== undefined) byUniqueName.delete(previousKey);
    const key = uniqueKey(kind, stored);
    if (key !== undefined) byUniqueName.set(key, id);
    byId.set(id, stored);
    return stored;
  }

  private assertUnique(kind: ResourceKind, resource: ScimObject, ownId: string | undefined): void {
    const key = uniqueKey(kind, resource);
    const holder = key === undefined ? undefined : this.collection(kind).byUniqueName.get(key);
    if (holder !== undefined && holder !== ownId) {
      const attribute = uniqueAttribute(kind);
      throw ScimError.conflict(
        `A ${kind.name} with ${attribute} ${JSON.stringify(resource[attribute])} already exists (id ${holder}).`,
      );
    }
  }

  /** Members must name Users or Groups of this target; each is kept once, with its type. */
  private withResolvedMembers(group: ScimObject): ScimObject {
    if (!Array.isArray(group.members)) return group;
    const members = new Map<string, ScimObject>();
    for (const member of group.members) {
      const value = isPlainObject(member) ? member.value : undefined;
      if (typeof value !== "string" || value === "") {
        throw ScimError.badRequest(
          "invalidValue",
          `Every member needs a "value" naming a User or Group; got ${JSON.stringify(member)}.`,
        );
      }
      const type = this.collection(USER_KIND).byId.has(value)
        ? "User"
        : this.collection(GROUP_KIND).byId.has(value)
          ? "Group"
          : undefined;
      if (!type)
        throw ScimError.badRequest(
          "invalidValue",
          `Member "${value}" is not a User or Group of this target.`,
        );
      members.set(value, { value, type });
    }
    return { ...group, members: [...members.values()] };
  }

  /** A deleted resource stops being a member anywhere (RFC 7644 §3.6 leaves this to the provider). */
  private dropMember(id: string): void {
    const { byId } = this.collection(GROUP_KIND);
    for (const group of byId.values()) {
      if (
        !Array.isArray(group.members) ||
        !group.members.some((member) => isPlainObject(member) && member.value === id)
      )
        continue;
      const members = group.members.filter((member) => !(isPlainObject(member) && member.value === id));
      const { members: _removed, ...rest } = group;
      byId.set(group.id, {
        ...rest,
        ...(members.length > 0 ? { members } : {}),
        meta: {
          ...group.meta,
          lastModified: this.clock.now().toISOString(),
          version: `W/"${versionNumber(group.meta.version) + 1}"`,
        },
      });
    }
  }
}

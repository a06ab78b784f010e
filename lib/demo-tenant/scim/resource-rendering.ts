import "server-only";

import type { ResourceKind } from "./resource-kinds";
import { isPlainObject, type ScimObject } from "./resource-normalization";
import type { StoredResource } from "./scim-directory";

/** A stored resource as served: a copy with `meta.location` and member `$ref`s under the base URL of the request. */
export function renderResource(kind: ResourceKind, stored: StoredResource, baseUrl: string): ScimObject {
  const copy = structuredClone(stored) as ScimObject;
  const { resourceType, created, lastModified, version } = stored.meta;
  copy.meta = {
    resourceType,
    created,
    lastModified,
    location: `${baseUrl}/${kind.endpoint}/${stored.id}`,
    version,
  };
  if (Array.isArray(copy.members)) {
    copy.members = copy.members.map((member) =>
      isPlainObject(member)
        ? {
            ...member,
            $ref: `${baseUrl}/${member.type === "Group" ? "Groups" : "Users"}/${String(member.value)}`,
          }
        : member,
    );
  }
  return copy;
}

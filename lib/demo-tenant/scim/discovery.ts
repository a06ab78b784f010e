import "server-only";

import { MAX_RESULTS } from "./list-query";
import { RESOURCE_KINDS, type ResourceKind } from "./resource-kinds";
import type { ScimObject } from "./resource-normalization";
import {
  ENTERPRISE_USER_EXTENSION,
  GROUP_SCHEMA,
  USER_SCHEMA,
  type SchemaDefinition,
} from "./schema-definitions";

// The discovery endpoints of RFC 7644 §4, describing exactly what this target implements.

const SERVICE_PROVIDER_CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

export const SERVED_SCHEMAS: readonly SchemaDefinition[] = [
  USER_SCHEMA,
  ENTERPRISE_USER_EXTENSION,
  GROUP_SCHEMA,
];

export function serviceProviderConfig(baseUrl: string, requiresBearerToken: boolean): ScimObject {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: requiresBearerToken
      ? [
          {
            type: "oauthbearertoken",
            name: "OAuth Bearer Token",
            description: "A bearer token in the Authorization header.",
            specUri: "https://www.rfc-editor.org/info/rfc6750",
            primary: true,
          },
        ]
      : [],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceType(kind: ResourceKind, baseUrl: string): ScimObject {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: kind.name,
    name: kind.name,
    endpoint: `/${kind.endpoint}`,
    description: kind.schema.description,
    schema: kind.schema.id,
    schemaExtensions: kind.extensions.map((extension) => ({ schema: extension.id, required: false })),
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/${kind.name}` },
  };
}

export function resourceTypes(baseUrl: string): ScimObject[] {
  return RESOURCE_KINDS.map((kind) => resourceType(kind, baseUrl));
}

export function schemaResource(schema: SchemaDefinition, baseUrl: string): ScimObject {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes,
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${schema.id}` },
  };
}

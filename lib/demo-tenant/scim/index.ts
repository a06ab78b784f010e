import "server-only";

// The demo tenant's SCIM 2.0 service providers (RFC 7643/7644), served in memory at /scim/{targetId}/….
export { createScimTargets, type ScimTargets, type ScimTargetsOptions } from "./scim-targets";
export type { RequestLogEntry, ScimTargetConfig } from "./scim-target";
export type { ScimRejectionRule } from "./rejection-rules";
export { SCIM_CONTENT_TYPE } from "./scim-response";

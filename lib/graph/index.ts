import "server-only";

export { createGraphClient, DEFAULT_TIMEOUTS, type GraphClient, type GraphClientOptions } from "./client";
export { GraphError, isGraphError, NETWORK_ERROR, TIMEOUT, UNEXPECTED_RESPONSE } from "./graph-error";
export type { GraphFetch, GraphVersion, RetryOptions } from "./graph-transport";
export {
  createMemoryPacingLimiter,
  PROVISION_ON_DEMAND_PACE,
  type MemoryPacingOptions,
  type PacingLimiter,
  type PacingPermit,
  type PacingSnapshot,
  type PacingWait,
} from "./pacing";
export { createSlotPacingLimiter, type PacingSlots, type SlotPacingOptions } from "./slot-pacing";
export {
  pacingKey,
  type ProvisionOnDemandAnswer,
  type ProvisionOnDemandOptions,
} from "./provision-on-demand";
export type { Discovery, ProvisioningApp, UncheckedServicePrincipal } from "./discovery";
export type { Found, MemberListOptions, SearchOptions } from "./directory";
export type { ServicePrincipalListOptions, ServicePrincipalPage } from "./service-principals";
export type { ProvisioningRule } from "./synchronization-rules";
export type { JobActionAnswer, JobActionOptions } from "./synchronization";
export type { ExpressionFunction, ParseExpressionAnswer, TestInputProperty } from "./schema-tools";
export type { GroupReach, ReadList, SourceValue } from "./user-access";
export {
  provisioningLogFilter,
  type ProvisioningEventPage,
  type ProvisioningEventStatus,
  type ProvisioningLogFilter,
} from "./provisioning-logs";
export type {
  DirectoryGroup,
  DirectoryUser,
  GroupMember,
  ServicePrincipal,
  SynchronizationJob,
  SynchronizationRule,
  SynchronizationSchema,
  AppRoleAssignment,
  Membership,
  UserProfile,
} from "./graph-schemas";
export { parseRetryAfter } from "./retry-after";
export type { Sleep } from "./clock";

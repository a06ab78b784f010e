import "server-only";

// Who is calling the console and what Graph token acts for them.
export {
  authenticate,
  holdsRole,
  requireRole,
  callerFromClaims,
  type Caller,
  type ConsoleRole,
} from "./caller";
export { verifyConsoleToken, type ConsoleTokenClaims, type ConsoleTokenConfig } from "./console-token";
export { cloudEndpoints, graphEndpointOf, type CloudEndpoints, type EntraCloud } from "./clouds";
export { entraSettings, type EntraSettings, type GraphPermissionMode } from "./entra-settings";
export { createGraphTokenSource, type GraphTokenSource } from "./graph-token";
export { redisTokenCacheStore } from "./redis-token-cache-store";
export { databaseTokenCacheStore, memoryTokenCacheStore, type TokenCacheStore } from "./token-cache-store";
export type { AuthReason } from "./auth-reason";

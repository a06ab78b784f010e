import "server-only";

// The console's composition root and the facades the route handlers call. Each facade takes the
// services it needs (so a unit test can hand it fakes) and the caller.
export {
  buildConsoleServices,
  consolePace,
  consoleServices,
  JOB_ACTION_PACE,
  type ConsoleServices,
  type Pace,
} from "./services";
export {
  apiRoute,
  consoleRoute,
  otherMethods,
  ROUTE_METHODS,
  type RouteContext,
  type RouteMethod,
  type RouteOptions,
} from "./route";
export { health } from "./health";
export { linkOrigin } from "./link-origin";
export * as catalog from "./catalog";
export * as directory from "./directory";
export * as runs from "./runs";
export * as explanations from "./explanations";
export * as expressionLab from "./expression-lab";
export * as shares from "./shares";
export * as audit from "./audit";
export * as bulk from "./bulk";
export * as demo from "./demo";
export * as jobActions from "./job-actions";
export * as users from "./users";
export * as provisioningLogs from "./provisioning-logs";

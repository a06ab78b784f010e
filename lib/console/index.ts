import "server-only";

// The console's composition root and the facades the route handlers call. Each facade takes the
// services it needs (so a unit test can hand it fakes) and the caller.
export {
  buildConsoleServices,
  consolePace,
  consoleServices,
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
export * as catalog from "./catalog";
export * as directory from "./directory";
export * as runs from "./runs";
export * as shares from "./shares";
export * as audit from "./audit";
export * as bulk from "./bulk";
export * as demo from "./demo";

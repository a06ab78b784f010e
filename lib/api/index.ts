export {
  ApiError,
  errorResponse,
  toErrorResponse,
  describeZodError,
  type ApiErrorCode,
  type ApiErrorBody,
} from "./errors";
export { apiRoute, readJson, readQuery, type RouteContext } from "./route";

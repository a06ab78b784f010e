// The console's API vocabulary, shared by route handlers and (types and errors) pages: the one
// error shape, request reading against the contracts (lib/api/contracts), downloads.
export {
  ApiError,
  errorResponse,
  isApiError,
  toErrorResponse,
  describeZodError,
  type ApiErrorCode,
  type ApiErrorBody,
} from "./errors";
export { readJson, readQuery } from "./request";
export { downloadResponse } from "./download";

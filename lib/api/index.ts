// The console's API vocabulary, shared by route handlers and (types and errors) pages: the one
// error shape, request reading against the contracts (lib/api/contracts), downloads.
export {
  ApiError,
  errorResponse,
  isApiError,
  toErrorResponse,
  describeZodError,
  bearerChallenge,
  isZodError,
  type ApiErrorCode,
  type ApiErrorBody,
} from "./errors";
export {
  byteSize,
  controlCharacterIn,
  DEFAULT_BODY_LIMIT_BYTES,
  parseMediaType,
  readBodyText,
  readHeader,
  readJson,
  readQuery,
  requireJsonContentType,
  type BodyOptions,
} from "./request";
export { downloadResponse } from "./download";

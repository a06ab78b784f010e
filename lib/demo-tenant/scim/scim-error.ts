import "server-only";

export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

/** scimType values from RFC 7644 §3.12, plus none for errors that have no type. */
export type ScimErrorType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/** A failure that becomes a SCIM Error response; anything else thrown is a 500. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | undefined,
    detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ScimError";
  }

  static badRequest(scimType: ScimErrorType, detail: string) {
    return new ScimError(400, scimType, detail);
  }

  static notFound(detail: string) {
    return new ScimError(404, undefined, detail);
  }

  static conflict(detail: string) {
    return new ScimError(409, "uniqueness", detail);
  }

  toBody(): Record<string, unknown> {
    return {
      schemas: [ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.message,
    };
  }
}

import "server-only";

export type BearerToken = { kind: "token"; token: string } | { kind: "missing" } | { kind: "not_bearer" };

/** The token in `Authorization: Bearer <token>`, or what is wrong with the header. */
export function readBearerToken(request: Request): BearerToken {
  const header = request.headers.get("authorization")?.trim();
  if (!header) return { kind: "missing" };
  const match = /^Bearer(?:[ ]+(\S*))?$/i.exec(header);
  if (!match) return { kind: "not_bearer" };
  return match[1] ? { kind: "token", token: match[1] } : { kind: "missing" };
}

import { createScimTargets, type ScimTargetConfig, type ScimTargets } from "@/lib/demo-tenant/scim";

export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

export interface ScimReply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary SCIM JSON
  body: any;
}

/** Speaks to the targets the way an HTTP client would, through `handle(Request)`. */
export function scimClient(
  configs: ScimTargetConfig[] = [{ id: "t1", displayName: "Target one", bearerToken: null }],
) {
  const targets: ScimTargets = createScimTargets(configs);
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ScimReply> {
    const init: RequestInit = { method, headers: { "Content-Type": "application/scim+json", ...headers } };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const response = await targets.handle(new Request(`https://demo.invalid${path}`, init));
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === "" ? undefined : JSON.parse(text),
    };
  }
  return {
    targets,
    call,
    get: (path: string, headers?: Record<string, string>) => call("GET", path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) =>
      call("POST", path, body, headers),
    put: (path: string, body: unknown, headers?: Record<string, string>) => call("PUT", path, body, headers),
    patch: (path: string, operations: unknown[], headers?: Record<string, string>) =>
      call("PATCH", path, { schemas: [PATCH_OP], Operations: operations }, headers),
    delete: (path: string, headers?: Record<string, string>) => call("DELETE", path, undefined, headers),
    async createUser(userName: string, extra: Record<string, unknown> = {}, target = "t1") {
      const reply = await call("POST", `/scim/${target}/Users`, {
        schemas: [USER_SCHEMA],
        userName,
        active: true,
        ...extra,
      });
      if (reply.status !== 201)
        throw new Error(`creating ${userName} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      return reply.body as ScimReply["body"];
    },
    async createGroup(displayName: string, extra: Record<string, unknown> = {}, target = "t1") {
      const reply = await call("POST", `/scim/${target}/Groups`, {
        schemas: [GROUP_SCHEMA],
        displayName,
        ...extra,
      });
      if (reply.status !== 201)
        throw new Error(`creating ${displayName} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      return reply.body as ScimReply["body"];
    },
  };
}

export function filterQuery(filter: string, extra = ""): string {
  return `?filter=${encodeURIComponent(filter)}${extra}`;
}

import "server-only";
import type { TenantState } from "../model";
import { runBatch } from "./batch";
import { directoryRoutes as d } from "./directory-routes";
import { jobActionRoutes } from "./job-action-routes";
import { synchronizationRoutes as s } from "./synchronization-routes";
import { membershipRoutes } from "./membership-routes";
import { schemaToolRoutes, type SchemaOwner } from "./schema-tools";
import {
  decodeSegments,
  errorResult,
  newErrorIds,
  parseJsonText,
  toResponse,
  type GraphCall,
  type GraphResult,
  type GraphVersion,
} from "./graph-call";
import { GraphError, resourceNotFound } from "./graph-error";
import type { JobLifecycle } from "../jobs/job-lifecycle";
import { provisionOnDemand, type ProvisionOnDemandDeps } from "./provision-on-demand";
import { provisioningLogRoutes } from "./provisioning-log-routes";
import { resolveRoute, type Route } from "./routes";
import { userMembershipRoutes } from "./user-membership-routes";
import type { ProvisioningLog } from "../provisioning-log/store";
import {
  claimsAllow,
  insufficientPrivileges,
  readGraphToken,
  type GraphTokenCheckConfig,
  type GraphTokenDenial,
} from "../graph-token-check";

export interface GraphApiDeps extends ProvisionOnDemandDeps {
  tenant(): TenantState;
  /** The jobs' actions: Test connection, secrets, restart, pause, start. */
  lifecycle: JobLifecycle;
  now(): Date;
  /** Check Graph access tokens as Graph does (the stand-alone tenant in Entra-mode tests); off by default. */
  tokens?: GraphTokenCheckConfig;
  /** The provisioning log served at /auditLogs/provisioning. */
  provisioningLog?: () => ProvisioningLog;
}

/** The Graph surface of the demo tenant: one dispatcher used by HTTP requests and by $batch alike. */
export function createGraphApi(deps: GraphApiDeps) {
  const t = () => deps.tenant();
  const SP = "servicePrincipals";
  const JOB = [SP, ":", "synchronization", "jobs", ":"];
  const TEMPLATE = [SP, ":", "synchronization", "templates", ":"];
  // One line per route family; ":" stands for an id, or for an OData cast after a collection.
  const routes: Route[] = [
    { pattern: [SP, "$count"], methods: { GET: (c) => d.countServicePrincipals(c, t()) } },
    { pattern: [SP], methods: { GET: (c) => d.listServicePrincipals(c, t()) } },
    { pattern: [SP, ":"], methods: { GET: (c, [id]) => d.getServicePrincipal(c, t(), id!) } },
    {
      pattern: [SP, ":", "appRoleAssignedTo"],
      methods: { GET: (c, [id]) => d.appRoleAssignedTo(c, t(), id!) },
    },
    {
      pattern: [SP, ":", "memberOf"],
      methods: { GET: (c, [id]) => d.servicePrincipalMemberOf(c, t(), id!) },
    },
    {
      pattern: [SP, ":", "memberOf", ":"],
      methods: { GET: (c, [id, cast]) => d.servicePrincipalMemberOf(c, t(), id!, cast!) },
    },
    { pattern: [SP, ":", "synchronization", "jobs"], methods: { GET: (c, [id]) => s.listJobs(c, t(), id!) } },
    {
      pattern: [SP, ":", "synchronization", "templates"],
      methods: { GET: (c, [id]) => s.listTemplates(c, t(), id!) },
    },
    { pattern: TEMPLATE, methods: { GET: (c, [id, tpl]) => s.getTemplate(c, t(), id!, tpl!) } },
    {
      pattern: [...TEMPLATE, "schema"],
      methods: { GET: (c, [id, tpl]) => s.getTemplateSchema(c, t(), id!, tpl!) },
    },
    { pattern: JOB, methods: { GET: (c, [id, job]) => s.getJob(c, t(), id!, job!) } },
    { pattern: [...JOB, "schema"], methods: { GET: (c, [id, job]) => s.getSchema(c, t(), id!, job!) } },
    {
      pattern: [...JOB, "schema", "directories"],
      methods: { GET: (c, [id, job]) => s.listDirectories(c, t(), id!, job!) },
    },
    {
      pattern: [...JOB, "schema", "directories", ":"],
      methods: { GET: (c, [id, job, dir]) => s.getDirectory(c, t(), id!, job!, dir!) },
    },
    {
      pattern: [...JOB, "provisionOnDemand"],
      methods: { POST: (c, [id, job]) => provisionOnDemand(c, id!, job!, deps) },
    },
    ...jobActionRoutes({ tenant: t, lifecycle: deps.lifecycle }),
    { pattern: ["users", "$count"], methods: { GET: (c) => d.countUsers(c, t()) } },
    { pattern: ["users"], methods: { GET: (c) => d.listUsers(c, t()) } },
    { pattern: ["users", ":"], methods: { GET: (c, [id]) => d.getUser(c, t(), id!) } },
    {
      pattern: ["directory", "deletedItems", ":"],
      methods: { GET: (c, [id]) => d.getDeletedItem(c, t(), id!) },
    },
    { pattern: ["users", ":", "manager"], methods: { GET: (c, [id]) => d.getManager(c, t(), id!) } },
    { pattern: ["users", ":", "memberOf"], methods: { GET: (c, [id]) => d.userMemberOf(c, t(), id!) } },
    {
      pattern: ["users", ":", "memberOf", "$count"],
      methods: { GET: (c, [id]) => d.userMemberOf(c, t(), id!, null, true) },
    },
    {
      pattern: ["users", ":", "memberOf", ":"],
      methods: { GET: (c, [id, cast]) => d.userMemberOf(c, t(), id!, cast!) },
    },
    { pattern: ["groups", "$count"], methods: { GET: (c) => d.countGroups(c, t()) } },
    { pattern: ["groups"], methods: { GET: (c) => d.listGroups(c, t()) } },
    { pattern: ["groups", ":"], methods: { GET: (c, [id]) => d.getGroup(c, t(), id!) } },
    {
      pattern: ["groups", ":", "members", "$count"],
      methods: { GET: (c, [id]) => d.countMembers(c, t(), id!) },
    },
    { pattern: ["groups", ":", "members"], methods: { GET: (c, [id]) => d.listMembers(c, t(), id!) } },
    {
      pattern: ["groups", ":", "members", ":"],
      methods: { GET: (c, [id, cast]) => d.listMembers(c, t(), id!, cast!) },
    },
    {
      pattern: ["groups", ":", "members", ":", "$count"],
      methods: { GET: (c, [id, cast]) => d.countMembers(c, t(), id!, cast!) },
    },
    { pattern: ["groups", ":", "memberOf"], methods: { GET: (c, [id]) => d.groupMemberOf(c, t(), id!) } },
    {
      pattern: ["groups", ":", "memberOf", ":"],
      methods: { GET: (c, [id, cast]) => d.groupMemberOf(c, t(), id!, cast!) },
    },
    ...userMembershipRoutes(t),
    ...(deps.provisioningLog ? provisioningLogRoutes(deps.provisioningLog) : []),
    { pattern: ["$batch"], methods: { POST: (c) => runBatch(c, dispatch) } },
    ...schemaToolRouteTable(t),
    ...membershipRouteTable(t),
  ];

  async function dispatch(call: GraphCall): Promise<GraphResult> {
    try {
      if (call.allows && !call.allows(call.method, `/${call.segments.join("/")}`))
        throw denied(insufficientPrivileges);
      const { handler, params } = resolveRoute(routes, withAlternateKey(call, t()));
      return await handler(call, params);
    } catch (error) {
      if (error instanceof GraphError) return errorResult(error, call.ids);
      throw error;
    }
  }

  /** Serves an HTTP request whose path starts with the version segment (`/v1.0/…`, `/beta/…`). */
  async function handle(request: Request, version: GraphVersion): Promise<Response> {
    const url = new URL(request.url);
    const ids = newErrorIds(request.headers, deps.now());
    try {
      let allows: GraphCall["allows"];
      if (deps.tokens) {
        const token = await readGraphToken(request, deps.tokens);
        if ("denial" in token) throw denied(token.denial);
        allows = (method, path) => claimsAllow(token.claims, method, path);
      }
      const call: GraphCall = {
        allows,
        method: request.method.toUpperCase(),
        version,
        origin: url.origin,
        segments: decodeSegments(url.pathname).slice(1),
        query: url.searchParams,
        headers: request.headers,
        ids,
        readJson: async () => parseJsonText(await request.text()),
      };
      return toResponse(await dispatch(call), ids);
    } catch (error) {
      if (error instanceof GraphError) return toResponse(errorResult(error, ids), ids);
      console.error("demo tenant: unexpected error", error);
      return toResponse(
        errorResult(
          new GraphError(500, "InternalServerError", "An unexpected error occurred in the demo tenant."),
          ids,
        ),
        ids,
      );
    }
  }

  return { dispatch, handle };
}

export type GraphApi = ReturnType<typeof createGraphApi>;

/** Graph's 401 also says, in WWW-Authenticate, where a token comes from and for which resource. */
const AUTHENTICATE = {
  "WWW-Authenticate":
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
};

/** parseExpression, functions and filterOperators of a job's schema and of a template's. */
function schemaToolRouteTable(t: () => TenantState): Route[] {
  const tools = schemaToolRoutes;
  return (["jobs", "templates"] as const).flatMap((owner) => {
    const base = ["servicePrincipals", ":", "synchronization", owner, ":", "schema"];
    const of = (id: string): SchemaOwner => ({ kind: owner === "jobs" ? "job" : "template", id });
    return [
      {
        pattern: [...base, "parseExpression"],
        methods: { POST: (c, [sp, id]) => tools.parseExpression(c, t(), sp!, of(id!)) },
      },
      {
        pattern: [...base, "functions"],
        methods: { GET: (c, [sp, id]) => tools.functions(c, t(), sp!, of(id!)) },
      },
      {
        pattern: [...base, "filterOperators"],
        methods: { GET: (c, [sp, id]) => tools.filterOperators(c, t(), sp!, of(id!)) },
      },
    ] satisfies Route[];
  });
}

function membershipRouteTable(t: () => TenantState): Route[] {
  const m = membershipRoutes;
  return [
    {
      pattern: ["users", ":", "appRoleAssignments"],
      methods: { GET: (c, [id]) => m.appRoleAssignments(c, t(), id!) },
    },
    {
      pattern: ["servicePrincipals", ":", "synchronization", "secrets"],
      methods: { GET: (c, [id]) => m.secrets(c, t(), id!) },
    },
  ];
}

function denied(denial: GraphTokenDenial): GraphError {
  return new GraphError(
    denial.status,
    denial.code,
    denial.message,
    denial.status === 401 ? AUTHENTICATE : {},
  );
}

const APP_ID_KEY = /^servicePrincipals\(appId='(.*)'\)$/i;

/** `servicePrincipals(appId='…')`, Graph's alternate key, becomes `servicePrincipals/{id}`. */
function withAlternateKey(call: GraphCall, tenant: TenantState): GraphCall {
  const match = APP_ID_KEY.exec(call.segments[0] ?? "");
  if (!match) return call;
  const appId = match[1]!.replaceAll("''", "'");
  const sp = [...tenant.servicePrincipals.values()].find(
    (candidate) => candidate.appId.toLowerCase() === appId.toLowerCase(),
  );
  if (!sp) throw resourceNotFound(appId);
  return { ...call, segments: ["servicePrincipals", sp.id, ...call.segments.slice(1)] };
}

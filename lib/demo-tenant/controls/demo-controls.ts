import "server-only";
import type { DirectoryUser, TenantState } from "../model";
import type { ScimTargets } from "../scim";
import { DEMO_FIXTURES } from "../seed/fixtures";
import { project } from "../graph/collection-query";
import {
  decodeSegments,
  errorResult,
  jsonResult,
  newErrorIds,
  parseJsonText,
  toResponse,
  type GraphCall,
  type GraphResult,
} from "../graph/graph-call";
import { GraphError, resourceNotFound } from "../graph/graph-error";
import { userResource } from "../graph/user-resource";
import { resolveRoute, type Route } from "../graph/routes";
import type { CycleSummary, DirectoryChange } from "../provisioning-log/cycles";
import { assignPrincipal, unassignPrincipal } from "./assignments";
import { issueTargetToken, replaceJobToken } from "./target-tokens";
import { searchOnPremisesUsers } from "./on-premises-search";
import { changeOnPremisesUser, changeUser } from "./user-changes";
import { listScenarios, setUpScenario, type ScenarioDeps } from "./scenarios";

export interface DemoStats {
  throttle: { limit: number; windowMs: number } | null;
  jobs: {
    servicePrincipalId: string;
    servicePrincipalDisplayName: string;
    jobId: string;
    provisionOnDemandCalls: number;
    throttled: number;
    maxCallsInWindow: number;
  }[];
}

export interface DemoControlsDeps {
  tenant(): TenantState;
  reset(): void;
  stats(): DemoStats;
  scim: ScimTargets;
  newId(): string;
  now(): Date;
  /** Told of each change, so the next scheduled cycle of the jobs it concerns picks it up. */
  changed?(change: DirectoryChange): void;
  /** Runs one scheduled cycle of the job now (null: no such job, or one is running). */
  runCycle?(spId: string, jobId: string): Promise<CycleSummary | null>;
  /** The guided demo's stories: the seed to put back and the engine to prepare a target with. */
  scenarios?: Pick<ScenarioDeps, "pristine" | "provision">;
}

const allUserProperties = Object.keys(userResource.properties);
const userView = (user: DirectoryUser) => ({
  ...project(user, userResource, allUserProperties),
  managerId: user.managerId,
});

const noContent: GraphResult = { status: 204, headers: {}, body: undefined };

/** `/demo/…`: controls for demos and tests (not Graph), answering JSON and Graph-format errors. */
export function createDemoControls(deps: DemoControlsDeps) {
  const t = () => deps.tenant();
  const scenarioDeps = (): ScenarioDeps => {
    if (!deps.scenarios) throw resourceNotFound("scenarios");
    return { ...deps.scenarios, tenant: t, scim: deps.scim, newId: deps.newId, now: deps.now };
  };
  const routes: Route[] = [
    { pattern: ["reset"], methods: { POST: () => (deps.reset(), jsonResult({ status: "reset" })) } },
    { pattern: ["stats"], methods: { GET: () => jsonResult(deps.stats()) } },
    { pattern: ["fixtures"], methods: { GET: () => jsonResult(DEMO_FIXTURES) } },
    {
      pattern: ["users", ":"],
      methods: {
        PATCH: async (c, [id]) => {
          const user = changeUser(t(), id!, await c.readJson());
          deps.changed?.({ kind: "user", userId: user.id });
          return jsonResult(userView(user));
        },
      },
    },
    {
      pattern: ["on-premises", "users"],
      methods: { GET: (c) => jsonResult(searchOnPremisesUsers(t(), c.query.get("search")?.trim() ?? "")) },
    },
    {
      pattern: ["on-premises", "users", ":"],
      methods: {
        PATCH: async (c, [dn]) => {
          const changed = changeOnPremisesUser(t(), dn!, await c.readJson());
          deps.changed?.({ kind: "onPremisesUser", distinguishedName: dn! });
          return jsonResult(changed);
        },
      },
    },
    {
      pattern: ["service-principals", ":", "assignments", ":"],
      methods: {
        PUT: (_c, [spId, principalId]) => {
          const { assignment, created } = assignPrincipal(t(), spId!, principalId!, deps.newId, deps.now());
          deps.changed?.({
            kind: "assignment",
            servicePrincipalId: assignment.resourceId,
            principalId: principalId!,
          });
          return jsonResult(assignment, created ? 201 : 200);
        },
        DELETE: (_c, [spId, principalId]) => {
          unassignPrincipal(t(), spId!, principalId!);
          deps.changed?.({ kind: "assignment", servicePrincipalId: spId!, principalId: principalId! });
          return noContent;
        },
      },
    },
    {
      pattern: ["service-principals", ":", "jobs", ":", "target-token"],
      methods: {
        PUT: async (c, [spId, jobId]) => {
          issueTargetToken(t(), deps.scim, { spId: spId!, jobId: jobId! }, await c.readJson());
          return noContent;
        },
      },
    },
    {
      pattern: ["service-principals", ":", "jobs", ":", "replace-token"],
      methods: {
        POST: (_c, [spId, jobId]) => {
          replaceJobToken(t(), deps.scim, { spId: spId!, jobId: jobId! });
          return noContent;
        },
      },
    },
    {
      pattern: ["service-principals", ":", "jobs", ":", "cycle"],
      methods: {
        POST: async (_c, [spId, jobId]) => {
          const summary = await deps.runCycle?.(spId!, jobId!);
          if (!summary) throw resourceNotFound(jobId!);
          return jsonResult(summary);
        },
      },
    },
    {
      pattern: ["scenarios"],
      methods: { GET: () => jsonResult({ value: listScenarios(scenarioDeps()) }) },
    },
    {
      pattern: ["scenarios", ":"],
      methods: { POST: async (_c, [id]) => jsonResult(await setUpScenario(scenarioDeps(), id!)) },
    },
    {
      pattern: ["scim", ":", ":"],
      methods: { GET: (_c, [targetId, type]) => scimSnapshot(deps.scim, targetId!, type!) },
    },
  ];

  async function handle(request: Request): Promise<Response> {
    const ids = newErrorIds(request.headers, deps.now());
    let result: GraphResult;
    try {
      const url = new URL(request.url);
      const call: GraphCall = {
        method: request.method.toUpperCase(),
        version: "v1.0",
        origin: url.origin,
        segments: decodeSegments(url.pathname).slice(1),
        query: url.searchParams,
        headers: request.headers,
        ids,
        readJson: async () => parseJsonText(await controlBody(request)),
      };
      const { handler, params } = resolveRoute(routes, call);
      result = await handler(call, params);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      result = errorResult(error, ids);
    }
    return toResponse(result, ids);
  }

  return { handle };
}

/** The largest change a demo control takes: a user's attributes fit many times over. */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024;

/** A control's body: JSON as Content-Type says (415 otherwise), at most 64 KiB (413). */
async function controlBody(request: Request): Promise<string> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json")
    throw new GraphError(
      415,
      "UnsupportedMediaType",
      "Content-Type header: send the change as application/json.",
    );
  const declared = Number(request.headers.get("content-length") ?? 0);
  const text = declared > MAX_CONTROL_BODY_BYTES ? null : await request.text();
  if (text === null || Buffer.byteLength(text) > MAX_CONTROL_BODY_BYTES)
    throw new GraphError(
      413,
      "RequestEntityTooLarge",
      `body: a demo change is at most ${MAX_CONTROL_BODY_BYTES / 1024} KiB.`,
    );
  return text;
}

function scimSnapshot(scim: ScimTargets, targetId: string, type: string): GraphResult {
  if (type !== "Users" && type !== "Groups") throw resourceNotFound(type);
  let resources: Record<string, unknown>[];
  try {
    resources = scim.list(targetId, type);
  } catch {
    throw resourceNotFound(targetId);
  }
  return jsonResult({ targetId, type, totalResults: resources.length, Resources: resources });
}

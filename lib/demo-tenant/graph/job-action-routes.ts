import "server-only";
import { z } from "zod";
import { PORTAL_RESTART, RESET_FLAGS, type JobLifecycle, type ResetFlag } from "../jobs/job-lifecycle";
import type { TenantState } from "../model";
import { findJob, findServicePrincipal } from "./directory-lookup";
import type { GraphCall, GraphResult } from "./graph-call";
import { badRequest, GraphError } from "./graph-error";
import type { Route } from "./routes";

// Graph's actions on a synchronization job: validateCredentials, the secrets, restart, pause, start.
// Each answers 204 No Content, as Graph does; Test connection's failure is Graph's 400.

export interface JobActionRouteDeps {
  tenant(): TenantState;
  lifecycle: JobLifecycle;
}

const noContent = (): GraphResult => ({ status: 204, headers: {}, body: undefined });

const pairs = z.array(z.object({ key: z.string().min(1), value: z.string().nullable() }));

const validateBody = z.object({
  useSavedCredentials: z.boolean().optional(),
  credentials: pairs.optional(),
});
const secretsBody = z.object({ value: pairs });
const restartBody = z.object({
  criteria: z.object({ resetScope: z.string().nullish() }).nullish(),
});

function parsed<T extends z.ZodType>(schema: T, body: unknown, example: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badRequest(
    `Invalid request body at '${issue?.path.join(".") ?? ""}': ${issue?.message ?? "not understood"}. Expected ${example}.`,
  );
}

/** The value of `key` among the pairs, compared as Graph's enum is (case-insensitively); undefined when absent. */
function pairValue(list: z.infer<typeof pairs>, key: string): string | null | undefined {
  return list.find((pair) => pair.key.toLowerCase() === key.toLowerCase())?.value;
}

function baseAddressOf(list: z.infer<typeof pairs>): string | undefined {
  const value = pairValue(list, "BaseAddress");
  if (value === undefined || value === null) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`The BaseAddress (tenant URL) '${value}' is not an absolute URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw badRequest(`The BaseAddress (tenant URL) must use https; got '${value}'.`);
  return value;
}

/** "Watermark, Escrows, QuarantineState" → flags; no criteria at all is the admin center's restart. */
export function parseResetScope(text: string | null | undefined): ResetFlag[] {
  if (text === null || text === undefined || text.trim() === "") return [...PORTAL_RESTART];
  return text.split(",").map((part) => {
    const flag = RESET_FLAGS.find((known) => known.toLowerCase() === part.trim().toLowerCase());
    if (!flag)
      throw badRequest(
        `The resetScope value '${part.trim()}' is not valid; use one or more of ${RESET_FLAGS.join(", ")}, separated by commas.`,
      );
    return flag;
  });
}

async function readOptionalJson(call: GraphCall): Promise<unknown> {
  return call.headers.get("content-type") ? call.readJson() : {};
}

export function jobActionRoutes(deps: JobActionRouteDeps): Route[] {
  const SP = "servicePrincipals";
  const JOB = [SP, ":", "synchronization", "jobs", ":"];
  const jobOf = (spId: string, jobId: string) => findJob(findServicePrincipal(deps.tenant(), spId), jobId);
  const { lifecycle } = deps;

  return [
    {
      pattern: [...JOB, "validateCredentials"],
      methods: {
        POST: async (call, [spId, jobId]) => {
          const job = jobOf(spId!, jobId!);
          const body = parsed(
            validateBody,
            await call.readJson(),
            '{"useSavedCredentials":true} or {"credentials":[{"key":"SecretToken","value":"…"}]}',
          );
          if (!body.useSavedCredentials && !body.credentials)
            throw badRequest("Give useSavedCredentials: true, or the credentials to validate.");
          const trial = body.useSavedCredentials
            ? {}
            : {
                baseAddress: baseAddressOf(body.credentials!),
                secretToken: pairValue(body.credentials!, "SecretToken"),
              };
          const test = await lifecycle.testConnection(job, trial);
          if (!test.ok) throw new GraphError(400, test.code, test.message);
          return noContent();
        },
      },
    },
    {
      pattern: [SP, ":", "synchronization", "secrets"],
      methods: {
        PUT: async (call, [spId]) => {
          const sp = findServicePrincipal(deps.tenant(), spId!);
          const body = parsed(
            secretsBody,
            await call.readJson(),
            '{"value":[{"key":"SecretToken","value":"…"}]}',
          );
          const token = pairValue(body.value, "SecretToken");
          lifecycle.saveSecrets(sp.jobs, {
            baseAddress: baseAddressOf(body.value),
            secretToken: token === undefined ? undefined : token || null,
          });
          return noContent();
        },
      },
    },
    {
      pattern: [...JOB, "restart"],
      methods: {
        POST: async (call, [spId, jobId]) => {
          const job = jobOf(spId!, jobId!);
          const body = parsed(
            restartBody,
            await readOptionalJson(call),
            '{"criteria":{"resetScope":"Watermark, Escrows, QuarantineState"}}',
          );
          await lifecycle.restart(job, parseResetScope(body.criteria?.resetScope));
          return noContent();
        },
      },
    },
    {
      pattern: [...JOB, "pause"],
      methods: {
        POST: (_call, [spId, jobId]) => {
          lifecycle.pause(jobOf(spId!, jobId!));
          return noContent();
        },
      },
    },
    {
      pattern: [...JOB, "start"],
      methods: {
        POST: async (_call, [spId, jobId]) => {
          await lifecycle.start(jobOf(spId!, jobId!));
          return noContent();
        },
      },
    },
  ];
}

import "server-only";
import { z } from "zod";
import type { ProvisionInput, ProvisionSubject } from "../engine/context";
import { ProvisionOnDemandInputError } from "../engine/provision";
import type {
  DemoJob,
  ServicePrincipal,
  StringKeyStringValuePair,
  SynchronizationRule,
  TenantState,
} from "../model";
import { findJob, findServicePrincipal } from "./directory-lookup";
import { jsonResult, type GraphCall, type GraphResult } from "./graph-call";
import {
  badRequest,
  GraphError,
  invalidRequestParameter,
  resourceNotFound,
  tooManyRequests,
} from "./graph-error";
import { contextUrl } from "./odata";
import type { ProvisionThrottle } from "./throttle";

export const MAX_GROUP_MEMBERS_PER_CALL = 5;

const subjectSchema = z.object({
  objectId: z.string().min(1),
  objectTypeName: z.string().min(1),
  links: z
    .object({
      members: z
        .array(z.object({ objectId: z.string().min(1), objectTypeName: z.string().min(1) }))
        .optional(),
    })
    .nullish(),
});

const bodySchema = z.object({
  parameters: z
    .array(
      z.object({
        ruleId: z.string(),
        subjects: z.array(subjectSchema).min(1, "subjects must name at least one object"),
      }),
    )
    .min(1, "parameters must hold one entry"),
});

export interface ProvisionOnDemandDeps {
  tenant(): TenantState;
  throttle: ProvisionThrottle;
  provision(input: ProvisionInput): Promise<StringKeyStringValuePair>;
}

export const throttleKey = (spId: string, jobId: string) => `${spId}/${jobId}`;

function parseBody(body: unknown) {
  if (typeof body !== "object" || body === null || !("parameters" in body))
    throw badRequest(
      'The request body must be an object with a \'parameters\' array: {"parameters":[{"ruleId":"…","subjects":[…]}]}.',
    );
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(
      `Invalid request body at '${issue?.path.join(".") ?? ""}': ${issue?.message ?? "not understood"}.`,
    );
  }
  if (parsed.data.parameters.length > 1)
    throw badRequest("provisionOnDemand takes one entry in 'parameters': one rule and its subjects.");
  return parsed.data.parameters[0]!;
}

function findRule(job: DemoJob, ruleId: string): SynchronizationRule {
  const rule = job.schema.synchronizationRules.find((r) => r.id === ruleId);
  if (!rule)
    throw invalidRequestParameter(
      `The request identified this synchronization job: ${job.job.id}. The request also identified this synchronization rule: ${ruleId}. However, the job does not include the rule.`,
    );
  return rule;
}

/** One user, or one group with up to five members, of a type the rule maps. */
function checkSubjects(rule: SynchronizationRule, subjects: ProvisionSubject[]) {
  const groups = subjects.filter((s) => s.objectTypeName.toLowerCase() === "group");
  if (groups.length > 1) throw badRequest("Only a single group can be provisioned on demand per request.");
  if (subjects.length > 1)
    throw badRequest(
      "provisionOnDemand accepts one subject per request: a single user, or a single group with up to 5 members in links.members.",
    );
  const subject = subjects[0]!;
  const members = subject.links?.members ?? [];
  if (members.length > MAX_GROUP_MEMBERS_PER_CALL)
    throw badRequest(
      `A group can be provisioned on demand with up to ${MAX_GROUP_MEMBERS_PER_CALL} members per request; this request names ${members.length}.`,
    );
  const mapped = rule.objectMappings.filter((m) => m.enabled).map((m) => m.sourceObjectName);
  for (const s of [subject, ...members]) {
    if (!mapped.some((name) => name.toLowerCase() === s.objectTypeName.toLowerCase()))
      throw invalidRequestParameter(
        `The synchronization rule ${rule.id} does not provision objects of type '${s.objectTypeName}'; it maps: ${mapped.join(", ")}.`,
      );
  }
}

/**
 * An object the request names but the directory lacks. Graph answers a missing directory object
 * with 404 Request_ResourceNotFound; we do the same for an unknown on-premises DN on a Cloud Sync job.
 */
function checkSubjectsExist(tenant: TenantState, job: DemoJob, subject: ProvisionSubject) {
  if (job.target.kind === "entra") {
    if (!tenant.onPremises.users.has(subject.objectId.toLowerCase()))
      throw resourceNotFound(subject.objectId);
    return;
  }
  const exists =
    subject.objectTypeName.toLowerCase() === "group"
      ? tenant.groups.has(subject.objectId)
      : tenant.users.has(subject.objectId);
  if (!exists) throw resourceNotFound(subject.objectId);
  for (const member of subject.links?.members ?? [])
    if (!tenant.users.has(member.objectId)) throw resourceNotFound(member.objectId);
}

/** POST /servicePrincipals/{id}/synchronization/jobs/{jobId}/provisionOnDemand */
export async function provisionOnDemand(
  call: GraphCall,
  spId: string,
  jobId: string,
  deps: ProvisionOnDemandDeps,
): Promise<GraphResult> {
  const tenant = deps.tenant();
  const servicePrincipal: ServicePrincipal = findServicePrincipal(tenant, spId);
  const job = findJob(servicePrincipal, jobId);
  // Every request counts against the limit, valid or not, as with Graph.
  const admission = deps.throttle.admit(throttleKey(servicePrincipal.id, job.job.id));
  if (!admission.admitted) throw tooManyRequests(admission.retryAfterSeconds);

  const parameters = parseBody(await call.readJson());
  const rule = findRule(job, parameters.ruleId);
  const subjects: ProvisionSubject[] = parameters.subjects.map((s) => ({
    objectId: s.objectId,
    objectTypeName: s.objectTypeName,
    ...(s.links?.members ? { links: { members: s.links.members } } : {}),
  }));
  checkSubjects(rule, subjects);
  checkSubjectsExist(tenant, job, subjects[0]!);

  let answer: StringKeyStringValuePair;
  try {
    answer = await deps.provision({ servicePrincipal, job, rule, subjects });
  } catch (error) {
    if (error instanceof GraphError) throw error;
    if (error instanceof ProvisionOnDemandInputError)
      throw error.kind === "subjectNotFound"
        ? resourceNotFound(subjects[0]!.objectId)
        : badRequest(error.message);
    console.error("demo tenant: provisionOnDemand failed unexpectedly", error);
    throw new GraphError(
      500,
      "InternalServerError",
      "The provisioning service failed to process the request. Try again.",
    );
  }
  return jsonResult({
    "@odata.context": contextUrl(call.version, "microsoft.graph.stringKeyStringValuePair"),
    key: answer.key,
    value: answer.value,
  });
}

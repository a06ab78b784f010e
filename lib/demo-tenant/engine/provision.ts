import "server-only";

import { provisionAppObject } from "./app-object";
import { provisionGroupWithMembers } from "./app-group";
import { userSubject } from "./app-subjects";
import { provisionFromActiveDirectory } from "./cloud-sync";
import type { AppRun, EngineEnvironment, ProvisionInput, ProvisionSubject } from "./context";
import {
  appProvisioningAnswer,
  cloudSyncAnswer,
  type ProvisioningReport,
  type ProvisionOnDemandAnswer,
} from "./report";
import { ScimClient } from "./scim-client";

export type { EngineEnvironment, ProvisionInput, ProvisionSubject } from "./context";
export type { ProvisionOnDemandAnswer } from "./report";

/** The request names something the engine cannot run; the Graph surface answers it with a 4xx. */
export class ProvisionOnDemandInputError extends Error {
  constructor(
    message: string,
    readonly kind: "subjectNotFound" | "unsupportedSubject",
  ) {
    super(message);
    this.name = "ProvisionOnDemandInputError";
  }
}

/**
 * Runs provision on demand for one user, one group with up to five members, or (Cloud Sync) one
 * AD user by distinguished name, and answers with Graph's `key`/`value` JSON strings.
 */
export async function runProvisionOnDemand(
  env: EngineEnvironment,
  input: ProvisionInput,
): Promise<ProvisionOnDemandAnswer> {
  const [subject, ...others] = input.subjects;
  if (!subject || others.length > 0) {
    throw new ProvisionOnDemandInputError(
      `provisionOnDemand takes exactly one subject per call; got ${input.subjects.length}.`,
      "unsupportedSubject",
    );
  }
  const { target } = input.job;
  if (target.kind === "entra") return cloudSyncAnswer(syncFromActiveDirectory(env, input, subject));
  const run: AppRun = {
    env,
    servicePrincipal: input.servicePrincipal,
    job: input.job,
    rule: input.rule,
    scim: new ScimClient({ baseUrl: target.baseUrl, bearerToken: target.bearerToken, fetch: env.scimFetch }),
    systemName: target.systemName,
  };
  return appProvisioningAnswer(await provisionInApp(run, subject));
}

function syncFromActiveDirectory(
  env: EngineEnvironment,
  input: ProvisionInput,
  subject: ProvisionSubject,
): ProvisioningReport {
  if (subject.objectTypeName.toLowerCase() !== "user") {
    throw new ProvisionOnDemandInputError(
      `Cloud Sync provisions AD users only; objectTypeName "${subject.objectTypeName}" is not supported.`,
      "unsupportedSubject",
    );
  }
  const adUser = env.tenant.onPremises.users.get(subject.objectId.toLowerCase());
  if (!adUser) {
    throw new ProvisionOnDemandInputError(
      `No user with the distinguished name '${subject.objectId}' exists in Active Directory ${env.tenant.onPremises.domainName}.`,
      "subjectNotFound",
    );
  }
  return provisionFromActiveDirectory(env, input.rule, adUser);
}

async function provisionInApp(run: AppRun, subject: ProvisionSubject): Promise<ProvisioningReport> {
  const { tenant } = run.env;
  const type = subject.objectTypeName.toLowerCase();
  if (type === "group") {
    const group = tenant.groups.get(subject.objectId);
    if (!group)
      throw new ProvisionOnDemandInputError(
        `Group '${subject.objectId}' does not exist in the tenant.`,
        "subjectNotFound",
      );
    const memberIds = (subject.links?.members ?? []).map((m) => m.objectId);
    return provisionGroupWithMembers(run, group, memberIds);
  }
  if (type === "user") {
    const user = tenant.users.get(subject.objectId);
    if (!user)
      throw new ProvisionOnDemandInputError(
        `User '${subject.objectId}' does not exist in the tenant.`,
        "subjectNotFound",
      );
    return (await provisionAppObject(run, userSubject(run, user))).report;
  }
  throw new ProvisionOnDemandInputError(
    `objectTypeName "${subject.objectTypeName}" is not supported; use "User" or "Group".`,
    "unsupportedSubject",
  );
}

import "server-only";
import type { RunExplanation, RunMember, RunMembers, RunView } from "@/lib/api/contracts";
import type { Caller } from "@/lib/auth";
import { isGraphError } from "@/lib/graph";
import {
  explainProperties,
  importedAttributesOf,
  objectMappingOf,
  type ProvisioningReport,
} from "@/lib/provisioning";
import { listRuns } from "@/lib/runs";
import { getRun } from "./runs";
import { decideScope } from "./scope-decision";
import type { ConsoleServices } from "./services";

// Why a run came out as it did: what the answer alone cannot say, read from Graph and the history.

type Services = Pick<ConsoleServices, "graphFor" | "runs" | "db">;

/** The members sent with a group run: who they are now, and their own newest run on the job. */
export async function membersOfRun(services: Services, caller: Caller, runId: string): Promise<RunMembers> {
  const run = await getRun(services, runId);
  const { subject } = run.request;
  if (subject.kind !== "group") return { items: [] };
  const graph = services.graphFor(caller);
  const items = await Promise.all(
    subject.memberIds.map(async (id): Promise<RunMember> => {
      const [user, latestRun] = await Promise.all([
        graph.getUser(id).catch((error: unknown) => {
          if (isGraphError(error) && error.status === 404) return null;
          throw error;
        }),
        latestRunOf(services, run.request.servicePrincipalId, run.request.jobId, id),
      ]);
      return {
        id,
        displayName: user?.displayName ?? null,
        userPrincipalName: user?.userPrincipalName ?? null,
        found: user !== null,
        latestRun,
      };
    }),
  );
  return { items };
}

async function latestRunOf(
  services: Pick<Services, "db">,
  servicePrincipalId: string,
  jobId: string,
  userId: string,
): Promise<RunMember["latestRun"]> {
  const page = await listRuns(services.db, { servicePrincipalId, jobId, subject: userId }, { limit: 10 });
  const own = page.items.find(
    (item) => item.subjectKind === "user" && item.subjectKey.toLowerCase() === userId.toLowerCase(),
  );
  return own ? { id: own.id, createdAt: own.createdAt, outcome: own.outcome, action: own.action } : null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The source object type a report is about, as the schema's object mappings name it. */
function sourceObjectOf(report: ProvisioningReport, subject: RunView["request"]["subject"]): string {
  const reported = report.source.type?.trim();
  if (reported) return reported;
  return subject.kind === "group" ? "Group" : subject.kind === "onPremisesUser" ? "user" : "User";
}

/**
 * Why a run came out as it did: for each reported object, the mapping behind every property, and
 * for a user, why they are in or out of scope — from the job's schema and the directory in Graph.
 */
export async function explainRun(services: Services, caller: Caller, runId: string): Promise<RunExplanation> {
  const run = await getRun(services, runId);
  const { servicePrincipalId: spId, jobId, ruleId, subject } = run.request;
  const graph = services.graphFor(caller);
  const warnings: string[] = [];
  const [app, rules] = await Promise.all([
    graph.getServicePrincipal(spId).catch(() => null),
    graph.getSchemaRules(spId, jobId).catch((error: unknown) => {
      warnings.push(`The job's schema could not be read, so no mapping can be shown: ${messageOf(error)}`);
      return null;
    }),
  ]);
  const rule = rules?.find((r) => r.id === ruleId) ?? null;
  if (rules && !rule)
    warnings.push(
      `The job's schema has no rule ${ruleId} any more; the mappings may have changed since the run.`,
    );
  const reports = run.result?.reports ?? [];
  const explained = await Promise.all(
    reports.map(async (report) => {
      const objectMapping = rule ? objectMappingOf(rule, sourceObjectOf(report, subject)) : null;
      if (!objectMapping) return { objectMappingName: null, properties: [], scope: null };
      const imported = importedAttributesOf(report);
      const role = report.status === "Skipped" ? "source" : "target";
      const properties = explainProperties(report.modifiedProperties, objectMapping, imported, role);
      const isUser = /user/i.test(sourceObjectOf(report, subject));
      const flavour = subject.kind === "onPremisesUser" ? "cloudSync" : "app";
      const scope =
        isUser && report.steps.some((step) => step.kind === "Scoping")
          ? await decideScope(
              graph,
              {
                servicePrincipalId: spId,
                userId: subject.kind === "user" ? subject.objectId : null,
                flavour,
                objectMapping,
                report,
              },
              warnings,
            )
          : null;
      return { objectMappingName: objectMapping.name ?? null, properties, scope };
    }),
  );
  return {
    appId: app?.appId ?? null,
    rule: rule ? { id: rule.id, name: rule.name ?? null } : null,
    reports: explained,
    warnings: [...new Set(warnings)],
  };
}

import "server-only";
import type { GraphClient, SynchronizationJob } from "@/lib/graph";
import type { ProvisioningRule } from "@/lib/graph/synchronization-rules";
import { labelJobs, type JobFacts } from "@/lib/provisioning/job-label";

export interface DescribedJob {
  job: SynchronizationJob;
  label: string;
  schema: JobFacts["schema"];
}

/**
 * An application's jobs, each with the label that tells it apart from the others (template,
 * target directory, and what differs), read from the jobs and their schemas. A schema that cannot
 * be read costs only its part of the label.
 */
export async function describeJobs(
  graph: Pick<GraphClient, "listJobs" | "listRules">,
  servicePrincipalId: string,
): Promise<DescribedJob[]> {
  const jobs = await graph.listJobs(servicePrincipalId);
  const facts = await Promise.all(
    jobs.map(
      async (job): Promise<JobFacts> => ({
        id: job.id,
        templateId: job.templateId ?? null,
        interval: job.schedule?.interval ?? null,
        schema: await (async () => schemaFacts(await graph.listRules(servicePrincipalId, job.id)))().catch(
          () => null,
        ),
      }),
    ),
  );
  const labels = labelJobs(facts);
  return jobs.map((job, index) => ({ job, label: labels[index]!, schema: facts[index]!.schema }));
}

/** The label of one job of an application; null when its jobs cannot be read or it is not among them. */
export async function jobLabelOf(
  graph: Pick<GraphClient, "listJobs" | "listRules">,
  servicePrincipalId: string,
  jobId: string,
): Promise<string | null> {
  const described = await describeJobs(graph, servicePrincipalId).catch(() => []);
  return described.find((entry) => entry.job.id === jobId)?.label ?? null;
}

/** The rules provision on demand can use speak for the schema; without any, all of its rules do. */
function schemaFacts(rules: ProvisioningRule[]): NonNullable<JobFacts["schema"]> {
  const usable = rules.filter((rule) => rule.supportsProvisionOnDemand);
  const speaking = usable.length > 0 ? usable : rules;
  const first = speaking[0];
  return {
    sourceDirectoryName: first?.sourceDirectoryName ?? null,
    targetDirectoryName: first?.targetDirectoryName ?? null,
    objectTypes: [...new Set(speaking.flatMap((rule) => rule.objectTypes))],
  };
}

import { intervalInWords } from "./schedule-interval";

// How a synchronization job is named to a person: by what it is (its template and the directory it
// writes to) and, when an application has several alike, by what tells them apart.

const TEMPLATES: Record<string, { long: string; short: string }> = {
  ad2aadprovisioning: { long: "Cloud Sync: Active Directory to Microsoft Entra ID", short: "Cloud Sync" },
  ad2aadpasswordhash: { long: "Cloud Sync: password hash synchronization", short: "Password hash sync" },
  scim: { long: "SCIM provisioning", short: "SCIM" },
};

/** A readable name for a job's template id; the id itself when it is not one we know. */
export function templateLabel(templateId: string): string {
  return TEMPLATES[templateId.toLowerCase()]?.long ?? templateId;
}

/** What a job is, as far as the console can read it. */
export interface JobFacts {
  id: string;
  templateId: string | null;
  /** The schedule's ISO-8601 interval, e.g. PT40M. */
  interval: string | null;
  /** From the job's schema (its rules); null when the schema could not be read. */
  schema: {
    sourceDirectoryName: string | null;
    targetDirectoryName: string | null;
    objectTypes: string[];
  } | null;
}

function core(job: JobFacts): string {
  const template = job.templateId?.trim()
    ? (TEMPLATES[job.templateId.toLowerCase()]?.short ?? job.templateId.trim())
    : "Job";
  const target = job.schema?.targetDirectoryName?.trim();
  return target ? `${template} → ${target}` : template;
}

const objectsOf = (job: JobFacts) =>
  job.schema && job.schema.objectTypes.length > 0 ? `maps ${job.schema.objectTypes.join(" and ")}` : null;
const scheduleOf = (job: JobFacts) =>
  job.interval ? (intervalInWords(job.interval) ?? `interval ${job.interval}`) : "no schedule";
/** The part of a job id after its template and tenant (`scim.{tenant}.{guid}`), shortened. */
const idTailOf = (job: JobFacts) => `id …${(job.id.split(".").at(-1) ?? job.id).slice(-8)}`;

/**
 * One label per job, in the order given: "SCIM → customappsso" for an application's only job;
 * with several, the position ("job 2 of 2 · …"), and for jobs that would read alike, what differs
 * among them: what they map, then their schedule, and as a last resort the end of their id.
 */
export function labelJobs(jobs: readonly JobFacts[]): string[] {
  const cores = jobs.map(core);
  return jobs.map((job, index) => {
    const alike = jobs.filter((_other, otherIndex) => cores[otherIndex] === cores[index]);
    const parts = [cores[index]!];
    if (alike.length > 1) {
      const differing = [objectsOf, scheduleOf].filter(
        (fact) => new Set(alike.map((other) => fact(other))).size > 1,
      );
      for (const fact of differing) {
        const text = fact(job);
        if (text) parts.push(text);
      }
      const told = (other: JobFacts) => differing.map((fact) => fact(other)).join("|");
      if (alike.filter((other) => told(other) === told(job)).length > 1) parts.push(idTailOf(job));
    }
    return jobs.length > 1 ? `job ${index + 1} of ${jobs.length} · ${parts.join(" · ")}` : parts.join(" · ");
  });
}

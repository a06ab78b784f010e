"use client";
import { useQuery } from "@tanstack/react-query";
import { ApiClientError } from "@/components/api/api-fetch";
import { appQueries } from "@/components/apps/queries";
import { jobQueries } from "./queries";

/** What a page about one job loads: its application, the application's jobs, the job and its rules. */
export function useJobPage(spId: string, jobId: string) {
  const app = useQuery(appQueries.detail(spId));
  const jobs = useQuery(jobQueries.list(spId));
  const rules = useQuery(jobQueries.rules(spId, jobId));
  const job = jobs.data?.find((candidate) => candidate.id === jobId) ?? null;
  const appMissing = app.error instanceof ApiClientError && app.error.status === 404;
  // Known for certain only once the application is found and its jobs have loaded without this one.
  const jobMissing = !appMissing && jobs.isSuccess && job === null;
  return { app, jobs, rules, job, appMissing, jobMissing, missing: appMissing || jobMissing };
}

export type JobPage = ReturnType<typeof useJobPage>;

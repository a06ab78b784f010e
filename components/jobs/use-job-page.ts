"use client";
import { useQuery } from "@tanstack/react-query";
import { appQueries } from "@/components/apps/queries";
import { jobQueries } from "./queries";

/** What a page about one job loads: its application, the application's jobs, the job and its rules. */
export function useJobPage(spId: string, jobId: string) {
  const app = useQuery(appQueries.detail(spId));
  const jobs = useQuery(jobQueries.list(spId));
  const rules = useQuery(jobQueries.rules(spId, jobId));
  const job = jobs.data?.find((candidate) => candidate.id === jobId) ?? null;
  return { app, jobs, rules, job };
}

export type JobPage = ReturnType<typeof useJobPage>;

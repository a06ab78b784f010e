import type { Metadata } from "next";
import { idFromSegment } from "@/components/apps/app-links";
import { JobHealthPage } from "@/components/jobs/JobHealthPage";

export const metadata: Metadata = { title: "Job health" };

export default async function JobHealth({ params }: { params: Promise<{ spId: string; jobId: string }> }) {
  const { spId, jobId } = await params;
  return <JobHealthPage spId={idFromSegment(spId)} jobId={idFromSegment(jobId)} />;
}

import type { Metadata } from "next";
import { idFromSegment } from "@/components/apps/app-links";
import { AppJobs } from "@/components/jobs/AppJobs";

export const metadata: Metadata = { title: "Jobs" };

export default async function AppJobsPage({ params }: { params: Promise<{ spId: string }> }) {
  const { spId } = await params;
  return <AppJobs spId={idFromSegment(spId)} />;
}

import { Suspense } from "react";
import type { Metadata } from "next";
import Skeleton from "@mui/material/Skeleton";
import { idFromSegment } from "@/components/apps/app-links";
import { ProvisionPage } from "@/components/provision/ProvisionPage";

export const metadata: Metadata = { title: "Provision on demand" };

export default async function ProvisionOnDemandPage({
  params,
}: {
  params: Promise<{ spId: string; jobId: string }>;
}) {
  const { spId, jobId } = await params;
  return (
    // ProvisionPage reads the form from useSearchParams, which needs a Suspense boundary.
    <Suspense fallback={<Skeleton variant="rounded" height={320} />}>
      <ProvisionPage spId={idFromSegment(spId)} jobId={idFromSegment(jobId)} />
    </Suspense>
  );
}

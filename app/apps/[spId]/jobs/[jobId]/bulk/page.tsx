import { Suspense } from "react";
import type { Metadata } from "next";
import Skeleton from "@mui/material/Skeleton";
import { idFromSegment } from "@/components/apps/app-links";
import { NewBulkRunPage } from "@/components/bulk/NewBulkRunPage";

export const metadata: Metadata = { title: "New bulk run" };

export default async function NewBulkRunRoute({
  params,
}: {
  params: Promise<{ spId: string; jobId: string }>;
}) {
  const { spId, jobId } = await params;
  return (
    // The page reads the rule from the link with useSearchParams, which needs a Suspense boundary.
    <Suspense fallback={<Skeleton variant="rounded" height={320} />}>
      <NewBulkRunPage spId={idFromSegment(spId)} jobId={idFromSegment(jobId)} />
    </Suspense>
  );
}

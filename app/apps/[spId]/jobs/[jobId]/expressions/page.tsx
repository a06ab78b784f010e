import { Suspense } from "react";
import type { Metadata } from "next";
import Skeleton from "@mui/material/Skeleton";
import { idFromSegment } from "@/components/apps/app-links";
import { ExpressionLabPage } from "@/components/expression-lab/ExpressionLabPage";

export const metadata: Metadata = { title: "Expression lab" };

// The lab is a page of its own, so its editor and tree never load with another page.
export default async function ExpressionLabRoute({
  params,
}: {
  params: Promise<{ spId: string; jobId: string }>;
}) {
  const { spId, jobId } = await params;
  return (
    // The session is read from the link with useSearchParams, which needs a Suspense boundary.
    <Suspense fallback={<Skeleton variant="rounded" height={320} />}>
      <ExpressionLabPage spId={idFromSegment(spId)} jobId={idFromSegment(jobId)} />
    </Suspense>
  );
}

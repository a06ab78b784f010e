import { Suspense } from "react";
import type { Metadata } from "next";
import { idFromSegment } from "@/components/apps/app-links";
import { BulkRunPage } from "@/components/bulk/BulkRunPage";

export const metadata: Metadata = { title: "Bulk run" };

export default async function BulkRunRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    // The item filter lives in the URL (useSearchParams needs a Suspense boundary).
    <Suspense>
      <BulkRunPage id={idFromSegment(id)} />
    </Suspense>
  );
}

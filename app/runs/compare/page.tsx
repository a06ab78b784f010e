import type { Metadata } from "next";
import { Suspense } from "react";
import { ComparePage } from "@/components/compare/ComparePage";

export const metadata: Metadata = { title: "Compare runs" };

// The runs to compare are in the URL; the page reads them in the browser (useSearchParams needs the boundary).
export default function CompareRunsPage() {
  return (
    <Suspense>
      <ComparePage />
    </Suspense>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryPage } from "@/components/history/HistoryPage";

export const metadata: Metadata = { title: "History" };

// The filters live in the URL; the page reads them in the browser (useSearchParams needs the boundary).
export default function RunsPage() {
  return (
    <Suspense>
      <HistoryPage />
    </Suspense>
  );
}

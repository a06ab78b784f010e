import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/audit/AuditLog";

export const metadata: Metadata = { title: "Audit log" };

// The filters live in the URL; the page reads them in the browser (useSearchParams needs the boundary).
export default function AuditPage() {
  return (
    <Suspense>
      <AuditLog />
    </Suspense>
  );
}

import type { Metadata } from "next";
import { BulkRunList } from "@/components/bulk/BulkRunList";

export const metadata: Metadata = { title: "Bulk runs" };

const one = (value: string | string[] | undefined) =>
  typeof value === "string" && value ? value : undefined;

export default async function BulkRunsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  return (
    <BulkRunList filters={{ servicePrincipalId: one(query.servicePrincipalId), jobId: one(query.jobId) }} />
  );
}

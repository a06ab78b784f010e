import type { Metadata } from "next";
import { RunPageView } from "@/components/run-result";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RunPageView id={id} />;
}

import type { Metadata } from "next";
import { SharedRunView } from "@/components/share/SharedRunView";

export const metadata: Metadata = { title: "Shared run", robots: { index: false } };

export default async function SharedRunPage({ params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  return <SharedRunView shareId={shareId} />;
}

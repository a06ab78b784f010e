import type { Metadata } from "next";
import { idFromSegment } from "@/components/apps/app-links";
import { EventPage } from "@/components/users/EventPage";

export const metadata: Metadata = { title: "Provisioning event" };

export default async function EventRoute({ params }: { params: Promise<{ id: string; eventId: string }> }) {
  const { id, eventId } = await params;
  return <EventPage userId={idFromSegment(id)} eventId={idFromSegment(eventId)} />;
}

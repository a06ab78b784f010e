import type { Metadata } from "next";
import { idFromSegment } from "@/components/apps/app-links";
import { UserPage } from "@/components/users/UserPage";

export const metadata: Metadata = { title: "User" };

export default async function UserRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <UserPage id={idFromSegment(id)} />;
}

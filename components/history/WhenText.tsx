"use client";
import { dateTimeText, relativeToNow } from "@/components/jobs/when";

/** "3 minutes ago", with the exact date and time on hover and in `dateTime` for machines. */
export function WhenText({ iso }: { iso: string | null | undefined }) {
  const exact = dateTimeText(iso);
  if (!iso || !exact) return <>{iso || "unknown"}</>;
  return (
    <time dateTime={iso} title={exact}>
      {relativeToNow(iso)}
    </time>
  );
}

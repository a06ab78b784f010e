"use client";
import { dateTimeText, relativeToNow } from "./when";

/** A time as "12 minutes ago" with the exact date and time beside it, machine-readable in `dateTime`. */
export function TimeText({ iso }: { iso: string | null | undefined }) {
  const exact = dateTimeText(iso);
  if (!iso || !exact) return <>{iso || "unknown"}</>;
  return (
    <time dateTime={iso} title={exact}>
      {relativeToNow(iso)} ({exact})
    </time>
  );
}

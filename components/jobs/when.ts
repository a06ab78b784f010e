const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];

function dateFrom(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "in 12 minutes", "3 hours ago", "now"; null for a missing or unreadable time. */
export function relativeToNow(iso: string | null | undefined, now: Date = new Date()): string | null {
  const date = dateFrom(iso);
  if (!date) return null;
  const difference = date.getTime() - now.getTime();
  const words = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) return words.format(Math.round(difference / size), unit);
  }
  return "now";
}

/** A date and time in the reader's locale and time zone; null for a missing or unreadable time. */
export function dateTimeText(iso: string | null | undefined): string | null {
  const date = dateFrom(iso);
  return date
    ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date)
    : null;
}

const DURATION =
  /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const UNITS = ["year", "month", "week", "day", "hour", "minute", "second"] as const;

function listInWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/**
 * An ISO-8601 duration as words a person reads at a glance: `PT40M` → "every 40 minutes",
 * `P1D` → "every day", `PT1H30M` → "every 1 hour and 30 minutes". Null when the text is not a
 * duration or is zero, so the caller can show it as given.
 */
export function intervalInWords(duration: string): string | null {
  const match = DURATION.exec(duration.trim().toUpperCase());
  if (!match) return null;
  const parts: string[] = [];
  for (const [index, unit] of UNITS.entries()) {
    const text = match[index + 1];
    if (text === undefined) continue;
    const amount = Number(text.replace(",", "."));
    if (amount === 0) continue;
    parts.push(`${amount} ${unit}${amount === 1 ? "" : "s"}`);
  }
  if (parts.length === 0) return null;
  // "every 1 day" reads oddly; a single unit of one is just "every day".
  if (parts.length === 1 && parts[0]?.startsWith("1 ")) return `every ${parts[0].slice(2)}`;
  return `every ${listInWords(parts)}`;
}

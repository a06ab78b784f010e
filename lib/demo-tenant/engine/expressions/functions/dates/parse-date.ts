import "server-only";

import { fieldsOf, TICKS_PER_MINUTE, ticksOf, type DateTimeValue } from "./date-time-value";
import { DAY_NAMES, MONTH_NAMES } from "./format-pattern";

// The date strings CDate and the other date functions read without being told a format, as .NET's
// DateTime.Parse does for en-US: ISO 8601 (with or without time and offset, "2020-03-16-07:00"),
// US "M/d/yyyy h:mm:ss tt" (what CDate and Now write), "yyyy/M/d", and month names
// ("June 15, 2009", "15 Jun 2009", RFC 1123 "Mon, 15 Jun 2009 08:45:30 GMT"). A time alone is today.
// An offset converts to UTC; no offset is read as UTC, the service's own time zone.

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?(?:\s*([AaPp])\.?[Mm]?\.?)?`;
const ZONE = String.raw`(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)`;
const WORD = String.raw`([A-Za-z]{3,9})\.?`;
const WEEKDAY = String.raw`(?:[A-Za-z]{3,9},?\s+)?`;

type DateParts = { year: string; month: string | number; day: string };

const PATTERNS: readonly { regex: RegExp; date: (m: RegExpExecArray) => DateParts | null }[] = [
  {
    regex: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)${TIME})?\s*${ZONE}?$`, "i"),
    date: (m) => ({ year: m[1]!, month: m[2]!, day: m[3]! }),
  },
  {
    regex: new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+${TIME})?\s*${ZONE}?$`, "i"),
    date: (m) => ({ year: m[1]!, month: m[2]!, day: m[3]! }),
  },
  {
    regex: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:,?\s+${TIME})?\s*${ZONE}?$`, "i"),
    date: (m) => ({ month: m[1]!, day: m[2]!, year: m[3]! }),
  },
  {
    regex: new RegExp(
      String.raw`^${WEEKDAY}(\d{1,2})\s+${WORD},?\s+(\d{4})(?:,?\s+${TIME})?\s*${ZONE}?$`,
      "i",
    ),
    date: (m) => withMonthName(m[3]!, m[2]!, m[1]!),
  },
  {
    regex: new RegExp(
      String.raw`^${WEEKDAY}${WORD}\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+${TIME})?\s*${ZONE}?$`,
      "i",
    ),
    date: (m) => withMonthName(m[3]!, m[1]!, m[2]!),
  },
];

const TIME_ONLY = new RegExp(String.raw`^${TIME}\s*${ZONE}?$`, "i");

function withMonthName(year: string, name: string, day: string): DateParts | null {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((month) => {
    const full = month.toLowerCase();
    return lower === full || lower === full.slice(0, 3) || (full === "september" && lower === "sept");
  });
  return index < 0 ? null : { year, month: index + 1, day };
}

/** A date and time in one of the forms above, or null when it is none of them or not a real date. */
export function parseDateText(text: string, now: DateTimeValue): DateTimeValue | null {
  const trimmed = text.trim();
  for (const { regex, date } of PATTERNS) {
    const match = regex.exec(trimmed);
    if (!match) continue;
    const parts = date(match);
    if (!parts || !weekdayIsAName(trimmed)) return null;
    const timeAt = match.length - 6;
    return build(parts, match.slice(timeAt, timeAt + 5), match[match.length - 1]);
  }
  const timeOnly = TIME_ONLY.exec(trimmed);
  if (timeOnly) {
    const today = fieldsOf(now);
    return build(
      { year: String(today.year), month: today.month, day: String(today.day) },
      timeOnly.slice(1, 6),
      timeOnly[6],
    );
  }
  return null;
}

function weekdayIsAName(text: string): boolean {
  const first = /^([A-Za-z]{3,9}),?\s/.exec(text)?.[1]?.toLowerCase();
  if (first === undefined || withMonthName("2000", first, "1")) return true;
  return DAY_NAMES.some((day) => day.toLowerCase() === first || day.toLowerCase().slice(0, 3) === first);
}

function build(
  date: DateParts,
  time: (string | undefined)[],
  zone: string | undefined,
): DateTimeValue | null {
  const [hourText, minuteText, secondText, fractionText, meridiem] = time;
  let hour = Number(hourText ?? 0);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  }
  const ticks = ticksOf({
    year: Number(date.year),
    month: Number(date.month),
    day: Number(date.day),
    hour,
    minute: Number(minuteText ?? 0),
    second: Number(secondText ?? 0),
    fraction: fractionText === undefined ? 0 : Number(fractionText.padEnd(7, "0")),
  });
  const offset = offsetMinutes(zone);
  if (ticks === null || offset === null) return null;
  return { ticks: ticks - BigInt(offset) * TICKS_PER_MINUTE, kind: "Utc" };
}

/** Minutes east of UTC; null for an offset beyond ±14:00. */
function offsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || /^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone)!;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (minutes > 14 * 60 || Number(match[3] ?? 0) > 59) return null;
  return match[1] === "-" ? -minutes : minutes;
}

import "server-only";

// Dates as .NET keeps them: 100-nanosecond ticks since 0001-01-01 00:00 UTC, and a kind. The
// provisioning service runs on UTC, so "local" time is UTC; the kind only shows in the K specifier.

export type DateTimeKind = "Utc" | "Local" | "Unspecified";

export interface DateTimeValue {
  ticks: bigint;
  kind: DateTimeKind;
}

/** The parts of a date and time on the UTC calendar; `fraction` is in ticks (0–9,999,999). */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: number;
}

export const TICKS_PER_MILLISECOND = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
/** 1601-01-01, where Active Directory's dates (Windows FILETIME) count from. */
export const FILETIME_EPOCH_TICKS = 504_911_232_000_000_000n;
const MAX_TICKS = 3_155_378_975_999_999_999n; // 9999-12-31 23:59:59.9999999

export class DateRangeError extends Error {}

export function inRange(ticks: bigint): boolean {
  return ticks >= 0n && ticks <= MAX_TICKS;
}

function checked(ticks: bigint, kind: DateTimeKind): DateTimeValue {
  if (!inRange(ticks)) throw new DateRangeError("outside the years 1 to 9999");
  return { ticks, kind };
}

export function fromDate(date: Date): DateTimeValue {
  return checked(BigInt(date.getTime()) * TICKS_PER_MILLISECOND + UNIX_EPOCH_TICKS, "Utc");
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Ticks of a calendar date and time; null when a part is out of its range (month 13, February 30, …). */
export function ticksOf(fields: DateTimeFields): bigint | null {
  const { year, month, day, hour, minute, second, fraction } = fields;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (fraction < 0 || fraction > 9_999_999) return null;
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, day);
  const dayTicks = BigInt(midnight.getTime()) * TICKS_PER_MILLISECOND + UNIX_EPOCH_TICKS;
  return (
    dayTicks +
    BigInt(hour) * TICKS_PER_HOUR +
    BigInt(minute) * TICKS_PER_MINUTE +
    BigInt(second) * TICKS_PER_SECOND +
    BigInt(fraction)
  );
}

export function fieldsOf(value: DateTimeValue): DateTimeFields {
  const days = value.ticks / TICKS_PER_DAY;
  const rest = value.ticks % TICKS_PER_DAY;
  const date = new Date(Number((days * TICKS_PER_DAY - UNIX_EPOCH_TICKS) / TICKS_PER_MILLISECOND));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Number(rest / TICKS_PER_HOUR),
    minute: Number((rest % TICKS_PER_HOUR) / TICKS_PER_MINUTE),
    second: Number((rest % TICKS_PER_MINUTE) / TICKS_PER_SECOND),
    fraction: Number(rest % TICKS_PER_SECOND),
  };
}

/** 0 for Sunday … 6 for Saturday. 0001-01-01 was a Monday. */
export function dayOfWeek(value: DateTimeValue): number {
  return Number((value.ticks / TICKS_PER_DAY + 1n) % 7n);
}

export function addTicks(value: DateTimeValue, ticks: bigint): DateTimeValue {
  return checked(value.ticks + ticks, value.kind);
}

/** Adds calendar months as .NET's AddMonths does: the day is kept, or clamped to the month's last day. */
export function addMonths(value: DateTimeValue, months: number): DateTimeValue {
  const fields = fieldsOf(value);
  const monthIndex = fields.year * 12 + (fields.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  if (year < 1 || year > 9999) throw new DateRangeError("outside the years 1 to 9999");
  const ticks = ticksOf({ ...fields, year, month, day: Math.min(fields.day, daysInMonth(year, month)) });
  return checked(ticks!, value.kind);
}

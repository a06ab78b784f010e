import "server-only";

import type { FunctionCall } from "../../function-call";
import type { FunctionDefinition } from "../../function-definition";
import {
  addMonths,
  addTicks,
  dayOfWeek,
  DateRangeError,
  FILETIME_EPOCH_TICKS,
  fieldsOf,
  fromDate,
  inRange,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  type DateTimeValue,
} from "./date-time-value";
import { DateTimeStylesError, defaultDateTimeStyles, parseDateTimeStyles } from "./date-time-styles";
import { DEFAULT_OUTPUT_FORMAT, formatDateTime } from "./format-date";
import { FormatPatternError } from "./format-pattern";
import { FormatMismatchError, parseExact } from "./parse-exact";
import { parseDateText } from "./parse-date";

const INTERVALS = ["yyyy", "m", "d", "ww", "h", "n", "s"] as const;
type Interval = (typeof INTERVALS)[number];

const FIXED_INTERVAL_TICKS: Readonly<Record<Exclude<Interval, "yyyy" | "m">, bigint>> = {
  ww: 7n * TICKS_PER_DAY,
  d: TICKS_PER_DAY,
  h: TICKS_PER_HOUR,
  n: TICKS_PER_MINUTE,
  s: TICKS_PER_SECOND,
};

const DATE_TYPES = ["DateTime", "String"] as const;
const ONE_DATE = { type: "DateTime", multivalued: false } as const;
const intervalParameter = { key: "interval", required: true } as const;

export const dateFunctions: readonly FunctionDefinition[] = [
  {
    name: "CDate",
    summary: 'Reads a date and time string and gives its UTC equivalent as "M/d/yyyy h:mm:ss tt".',
    returns: ONE_DATE,
    parameters: [{ key: "expression", required: true }],
    evaluate(call) {
      const value = dateArgument(call, 0, "expression");
      return value && formatDateTime(value, DEFAULT_OUTPUT_FORMAT);
    },
  },
  {
    name: "DateAdd",
    summary: "Adds value intervals (yyyy, m, d, ww, h, n or s) to the dateTime; a negative value goes back.",
    returns: ONE_DATE,
    parameters: [
      intervalParameter,
      { key: "value", required: true, types: ["Integer"] },
      { key: "dateTime", required: true, types: DATE_TYPES },
    ],
    evaluate(call) {
      const interval = intervalOf(call);
      const amount = call.integer(1);
      const date = dateArgument(call, 2, "dateTime");
      if (amount === null || date === null) return null;
      return withinRange(call, () => formatDateTime(add(date, interval, amount), DEFAULT_OUTPUT_FORMAT));
    },
  },
  {
    name: "DateDiff",
    summary:
      "Gives how many intervals (yyyy, m, d, ww, h, n or s) date2 is after date1; negative when it is before.",
    returns: { type: "Integer", multivalued: false },
    parameters: [
      intervalParameter,
      { key: "date1", required: true, types: DATE_TYPES },
      { key: "date2", required: true, types: DATE_TYPES },
    ],
    evaluate(call) {
      const interval = intervalOf(call);
      const first = dateArgument(call, 1, "date1");
      const second = dateArgument(call, 2, "date2");
      if (first === null || second === null) return null;
      return String(difference(interval, first, second));
    },
  },
  {
    name: "DateFromNum",
    summary:
      "Reads an Active Directory date (100-nanosecond intervals since 1601, as in lastLogonTimestamp).",
    returns: ONE_DATE,
    parameters: [{ key: "value", required: true, types: ["Integer"] }],
    evaluate(call) {
      const text = call.text(0)?.trim();
      if (text === undefined || text === "") return null;
      if (!/^\d+$/.test(text)) {
        throw call.error(`DateFromNum: value must be a non-negative integer, got ${JSON.stringify(text)}`);
      }
      const ticks = BigInt(text) + FILETIME_EPOCH_TICKS;
      if (!inRange(ticks)) throw call.error(`DateFromNum: ${text} is after the year 9999 (AD's "never")`);
      return formatDateTime({ ticks, kind: "Utc" }, DEFAULT_OUTPUT_FORMAT);
    },
  },
  {
    name: "FormatDateTime",
    summary: "Reads the source with the .NET inputFormat and writes it with the outputFormat.",
    returns: { type: "String", multivalued: false },
    parameters: [
      { key: "source", required: true },
      { key: "dateTimeStyles" },
      { key: "inputFormat", required: true },
      { key: "outputFormat", required: true },
    ],
    evaluate: formatSource,
  },
  {
    name: "Now",
    summary: 'Gives the current UTC date and time as "M/d/yyyy h:mm:ss tt".',
    returns: ONE_DATE,
    parameters: [],
    evaluate: (call) => formatDateTime(clock(call), DEFAULT_OUTPUT_FORMAT),
  },
  {
    name: "NumFromDate",
    summary:
      "Gives a date in Active Directory's format (for accountExpires): 100-nanosecond intervals since 1601.",
    returns: { type: "Integer", multivalued: false },
    parameters: [{ key: "value", required: true, types: DATE_TYPES }],
    evaluate(call) {
      const date = dateArgument(call, 0, "value");
      if (date === null) return null;
      if (date.ticks < FILETIME_EPOCH_TICKS)
        throw call.error("NumFromDate: the date is before 1601, where AD's dates begin");
      return String(date.ticks - FILETIME_EPOCH_TICKS);
    },
  },
];

function clock(call: FunctionCall): DateTimeValue {
  return fromDate(call.options.now?.() ?? new Date());
}

/** A date argument read without a format; null when it has no value. */
function dateArgument(call: FunctionCall, index: number, key: string): DateTimeValue | null {
  const text = call.text(index);
  if (text === null || text.trim() === "") return null;
  const value = parseDateText(text, clock(call));
  if (value === null) {
    throw call.error(
      `${call.functionName}: ${key} ${JSON.stringify(text)} is not a date and time such as "2021-06-30T08:00:00Z", "2021-06-30+08:00" or "6/30/2021 8:00:00 AM"`,
    );
  }
  return value;
}

function intervalOf(call: FunctionCall): Interval {
  const text = call.text(0);
  const interval = INTERVALS.find((i) => i === text?.trim().toLowerCase());
  if (interval === undefined) {
    throw call.error(
      `${call.functionName}: interval must be one of ${INTERVALS.join(", ")}, got ${JSON.stringify(text)}`,
    );
  }
  return interval;
}

function withinRange<T>(call: FunctionCall, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof DateRangeError)
      throw call.error(`${call.functionName}: the result is ${error.message}`);
    throw error;
  }
}

function add(date: DateTimeValue, interval: Interval, amount: number): DateTimeValue {
  if (interval === "yyyy") return addMonths(date, amount * 12);
  if (interval === "m") return addMonths(date, amount);
  return addTicks(date, BigInt(amount) * FIXED_INTERVAL_TICKS[interval]);
}

/**
 * As Visual Basic's DateDiff: years and months count calendar boundaries, weeks count the Sundays
 * between, days, hours, minutes and seconds count whole intervals elapsed.
 */
function difference(interval: Interval, first: DateTimeValue, second: DateTimeValue): bigint {
  if (interval === "yyyy" || interval === "m") {
    const a = fieldsOf(first);
    const b = fieldsOf(second);
    const years = BigInt(b.year - a.year);
    return interval === "yyyy" ? years : years * 12n + BigInt(b.month - a.month);
  }
  if (interval === "ww") {
    const weekStart = (v: DateTimeValue) => v.ticks / TICKS_PER_DAY - BigInt(dayOfWeek(v));
    return (weekStart(second) - weekStart(first)) / 7n;
  }
  return (second.ticks - first.ticks) / FIXED_INTERVAL_TICKS[interval];
}

function formatSource(call: FunctionCall): string | null {
  const source = call.text(0);
  if (source === null || source === "") return null;
  const stylesText = call.text(1);
  const inputFormat = requiredText(call, 2, "inputFormat");
  const outputFormat = requiredText(call, 3, "outputFormat");
  let styles = defaultDateTimeStyles();
  if (stylesText !== null && stylesText.trim() !== "") {
    try {
      styles = parseDateTimeStyles(stylesText);
    } catch (error) {
      if (error instanceof DateTimeStylesError)
        throw call.error(`FormatDateTime: dateTimeStyles ${error.message}`);
      throw error;
    }
  }
  let parsed: DateTimeValue;
  try {
    parsed = parseExact(source, inputFormat, styles, clock(call));
  } catch (error) {
    if (error instanceof FormatPatternError) {
      throw call.error(`FormatDateTime: the inputFormat ${JSON.stringify(inputFormat)} ${error.message}`);
    }
    if (error instanceof FormatMismatchError) {
      throw call.error(
        `FormatDateTime: ${JSON.stringify(source)} does not match the inputFormat ${JSON.stringify(inputFormat)} (${error.message})`,
      );
    }
    throw error;
  }
  try {
    return formatDateTime(parsed, outputFormat);
  } catch (error) {
    if (error instanceof FormatPatternError) {
      throw call.error(`FormatDateTime: the outputFormat ${JSON.stringify(outputFormat)} ${error.message}`);
    }
    throw error;
  }
}

function requiredText(call: FunctionCall, index: number, key: string): string {
  const text = call.text(index);
  if (text === null || text === "") throw call.error(`${call.functionName}: ${key} has no value`);
  return text;
}

import "server-only";

import { dayOfWeek, fieldsOf, type DateTimeValue } from "./date-time-value";
import { DAY_NAMES, formatTokens, MONTH_NAMES, type FormatToken } from "./format-pattern";

/** What CDate, DateAdd, DateFromNum and Now give: "3/16/2020 7:00:00 AM", always UTC. */
export const DEFAULT_OUTPUT_FORMAT = "M/d/yyyy h:mm:ss tt";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Writes a date with a .NET format string (en-US names; the offset of UTC, where the service runs). */
export function formatDateTime(value: DateTimeValue, format: string): string {
  const fields = fieldsOf(value);
  let out = "";
  for (const token of formatTokens(format)) {
    if (token.kind === "literal") {
      out += token.text;
      continue;
    }
    const written = writeField(token, value, fields);
    // .NET drops the separator before F specifiers that print nothing ("ss.FFF" of a whole second).
    if (written === "" && token.letter === "F" && out.endsWith(".")) out = out.slice(0, -1);
    out += written;
  }
  return out;
}

function writeField(
  token: Extract<FormatToken, { kind: "field" }>,
  value: DateTimeValue,
  fields: ReturnType<typeof fieldsOf>,
): string {
  const { count } = token;
  const hour12 = fields.hour % 12 === 0 ? 12 : fields.hour % 12;
  switch (token.letter) {
    case "d":
      if (count <= 2) return pad(fields.day, count);
      return count === 3 ? DAY_NAMES[dayOfWeek(value)]!.slice(0, 3) : DAY_NAMES[dayOfWeek(value)]!;
    case "M":
      if (count <= 2) return pad(fields.month, count);
      return count === 3 ? MONTH_NAMES[fields.month - 1]!.slice(0, 3) : MONTH_NAMES[fields.month - 1]!;
    case "y":
      if (count === 1) return String(fields.year % 100);
      return count === 2 ? pad(fields.year % 100, 2) : pad(fields.year, count);
    case "h":
      return pad(hour12, Math.min(count, 2));
    case "H":
      return pad(fields.hour, Math.min(count, 2));
    case "m":
      return pad(fields.minute, Math.min(count, 2));
    case "s":
      return pad(fields.second, Math.min(count, 2));
    case "f":
      return pad(fields.fraction, 7).slice(0, count);
    case "F":
      return pad(fields.fraction, 7).slice(0, count).replace(/0+$/, "");
    case "t": {
      const designator = fields.hour < 12 ? "AM" : "PM";
      return count === 1 ? designator[0]! : designator;
    }
    case "z":
      return count === 1 ? "+0" : count === 2 ? "+00" : "+00:00";
    case "K":
      return value.kind === "Utc" ? "Z" : value.kind === "Local" ? "+00:00" : "";
    case "g":
      return "A.D.";
  }
}

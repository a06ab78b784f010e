import "server-only";
import type { RunView } from "@/lib/api/contracts";

/** The run as one JSON document: the original Graph answer and the parsed result. */
export function runAsJson(run: RunView): string {
  const { result, ...meta } = run;
  return JSON.stringify({ run: meta, graphResponse: result?.raw ?? null, result }, null, 2);
}

/** Steps, then modified properties, one CSV row each (RFC 4180, safe to open in a spreadsheet). */
export function runAsCsv(run: RunView): string {
  const rows: (string | null)[][] = [
    [
      "section",
      "report",
      "index",
      "type_or_attribute",
      "status_or_change",
      "old_value",
      "new_value",
      "description",
      "timestamp",
    ],
  ];
  run.result?.reports.forEach((report, r) => {
    report.steps.forEach((step, i) => {
      rows.push([
        "step",
        String(r + 1),
        String(i + 1),
        step.type,
        step.status,
        null,
        null,
        step.description,
        step.timestamp,
      ]);
    });
    report.modifiedProperties.forEach((property, i) => {
      rows.push([
        "modified_property",
        String(r + 1),
        String(i + 1),
        property.name,
        property.change,
        property.oldValue,
        property.newValue,
        null,
        null,
      ]);
    });
  });
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export function csvField(value: string | null): string {
  if (value === null) return "";
  // A leading = + - @ would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

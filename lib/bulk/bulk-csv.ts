import "server-only";
import type { BulkItemView } from "@/lib/api/contracts";
import { csvLine } from "@/lib/runs/export";

const HEADER = [
  "position",
  "label",
  "subject kind",
  "subject",
  "status",
  "outcome",
  "action",
  "error code",
  "attempts",
  "finished at",
  "run id",
];

/** The bulk run's items as CSV, a line at a time (10,000 items need not sit in memory as one string). */
export async function* bulkItemsAsCsv(items: AsyncIterable<BulkItemView>): AsyncGenerator<string> {
  yield csvLine(HEADER);
  for await (const item of items) {
    const subject =
      item.subject.kind === "onPremisesUser"
        ? item.subject.distinguishedName
        : item.subject.kind === "group"
          ? `${item.subject.objectId} [${item.subject.memberIds.join(" ")}]`
          : item.subject.objectId;
    yield csvLine([
      String(item.position),
      item.label,
      item.subject.kind,
      subject,
      item.status,
      item.outcome,
      item.action,
      item.errorCode,
      String(item.attempts),
      item.finishedAt,
      item.runId,
    ]);
  }
}

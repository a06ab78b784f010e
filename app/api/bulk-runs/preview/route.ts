import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api";
import { previewBulkRun } from "@/lib/console/bulk";

// What an operator pasted or uploaded can be large: 10,000 lines of DNs is about 1 MB.
const TEXT_LIMIT = 2_000_000;

const source = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("lines"), text: z.string().max(TEXT_LIMIT, "the list is over 2 MB") }),
    z.strictObject({ kind: z.literal("csv"), text: z.string().max(TEXT_LIMIT, "the CSV file is over 2 MB") }),
    z.strictObject({
      kind: z.literal("group"),
      groupId: z.string().trim().min(1, "pick a group").max(200),
      filter: z.string().max(200).optional(),
    }),
  ],
  { error: 'source.kind must be "lines", "csv" or "group"' },
);

const previewRequest = z.strictObject({
  servicePrincipalId: z.string().trim().min(1).max(200),
  jobId: z.string().trim().min(1).max(400),
  source,
});

// POST /api/bulk-runs/preview – resolve and check the objects of a bulk run; nothing is sent.
export const POST = apiRoute({ role: "Console.Operator" }, async ({ request, caller }) =>
  Response.json(await previewBulkRun(caller, await readJson(request, previewRequest))),
);

// Files the API serves (exports, the audit log): one response shape for every download.

export type DownloadType = "json" | "csv";

const CONTENT_TYPE: Record<DownloadType, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/**
 * A download named `filename.<type>`. The body is text, or lines produced one at a time (streamed,
 * so a large export is never held whole in memory).
 */
export function downloadResponse(
  body: string | AsyncIterable<string>,
  options: { filename: string; type: DownloadType },
): Response {
  // The name is ours (ids and fixed words), but a quote would end the header's value early.
  const name = `${options.filename.replace(/["\\\r\n]/g, "_")}.${options.type}`;
  return new Response(typeof body === "string" ? body : streamOf(body), {
    headers: {
      "content-type": CONTENT_TYPE[options.type],
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
}

function streamOf(lines: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = lines[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

import { describe, expect, it } from "vitest";
import { downloadResponse } from "./download";

describe("downloadResponse", () => {
  it("names the file and its type", async () => {
    const response = downloadResponse('{"a":1}', { filename: "provisioning-run-r1", type: "json" });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="provisioning-run-r1.json"',
    );
    expect(await response.text()).toBe('{"a":1}');
  });

  it("streams lines as they are produced, and stops producing when the reader goes away", async () => {
    let produced = 0;
    let finished = false;
    async function* lines() {
      try {
        for (;;) {
          produced++;
          yield `line ${produced}\r\n`;
        }
      } finally {
        finished = true;
      }
    }
    const response = downloadResponse(lines(), { filename: "audit-log", type: "csv" });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe("line 1\r\n");
    await reader.cancel();
    expect(finished).toBe(true);
    expect(produced).toBeLessThan(5);
  });

  it("keeps a quote in the name from ending the header value", () => {
    const response = downloadResponse("", { filename: 'bulk-run-"x"', type: "csv" });
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="bulk-run-_x_.csv"');
  });
});

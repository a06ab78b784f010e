import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./errors";
import { parseMediaType, readBodyText, readHeader, readJson } from "./request";

const schema = z.strictObject({ name: z.string() });

function post(
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  return new Request("http://localhost/api/x", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** A body that arrives in chunks and counts how much of it was pulled. */
function streamedBody(chunkBytes: number, chunks: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("parseMediaType", () => {
  it("reads the type and parameters as RFC 9110 writes them", () => {
    expect(parseMediaType('Application/JSON; charset="UTF-8"')).toEqual({
      type: "application/json",
      parameters: new Map([["charset", "UTF-8"]]),
    });
    expect(parseMediaType("application/json;")?.type).toBe("application/json");
  });

  it("does not take a list, a substring or garbage for a media type", () => {
    expect(parseMediaType("text/plain;application/json")).toBeNull();
    expect(parseMediaType("text/plain; charset=utf-8")?.type).toBe("text/plain");
    expect(parseMediaType("application/json, text/plain")).toBeNull();
    expect(parseMediaType("json")).toBeNull();
    expect(parseMediaType("")).toBeNull();
  });
});

describe("readJson", () => {
  it("reads a JSON body sent as application/json, with or without a UTF-8 charset", async () => {
    expect(await readJson(post('{"name":"Adele"}'), schema)).toEqual({ name: "Adele" });
    const withCharset = post('{"name":"Adele"}', { "content-type": "application/json; charset=utf-8" });
    expect(await readJson(withCharset, schema)).toEqual({ name: "Adele" });
  });

  it("refuses what a cross-site form or no-cors fetch can send, naming the Content-Type header (415)", async () => {
    for (const type of [
      "text/plain;application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
      "application/jsonp",
    ]) {
      const error = await refusal(readJson(post('{"name":"x"}', { "content-type": type }), schema));
      expect(error.status, type).toBe(415);
      expect(error.message).toMatch(/^Content-Type header: /);
    }
    const missing = await refusal(readJson(post('{"name":"x"}', {}), schema));
    expect(missing.status).toBe(415);
  });

  it("refuses a declared Content-Length over the limit before reading a byte (413)", async () => {
    const body = streamedBody(1024, 10_000);
    const request = post(body.stream, { "content-type": "application/json", "content-length": "10240000" });
    const error = await refusal(readJson(request, schema, { maxBytes: 64 * 1024 }));
    expect(error.status).toBe(413);
    expect(error.message).toContain("64 KiB");
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it("stops reading a body that grows past the limit, however it is sent (413)", async () => {
    const body = streamedBody(16 * 1024, 10_000); // 160 MB if read to the end
    const error = await refusal(readJson(post(body.stream), schema));
    expect(error.status).toBe(413);
    expect(error.message).toContain("1 MiB");
    expect(body.pulled()).toBeLessThan(70);
  });

  it("names the body when it is not JSON or not UTF-8 (400)", async () => {
    expect((await refusal(readJson(post("{not json"), schema))).message).toMatch(/^body: .*not valid JSON/);
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]);
    expect((await refusal(readJson(post(latin1), schema))).message).toMatch(/^body: .*UTF-8/);
  });

  it("reads an empty body as empty text", async () => {
    expect(await readBodyText(post(null))).toBe("");
  });
});

describe("readHeader", () => {
  it("names the header, not the body, when its value is wrong", () => {
    const key = z.string().trim().min(1).max(10).nullable();
    const request = new Request("http://localhost/", { headers: { "idempotency-key": "x".repeat(11) } });
    expect(() => readHeader(request, "Idempotency-Key", key)).toThrow(/^Idempotency-Key header: /);
    expect(readHeader(new Request("http://localhost/"), "Idempotency-Key", key)).toBeNull();
  });
});

import type { NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError } from "./errors";

// Reading a request's input against its contract: a mistake is the caller's (400 or 415), naming the field.

/** Reads and validates a JSON body; a body that is not JSON is the caller's mistake (400). */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new ApiError(
      "unsupported_media_type",
      "Send the body as JSON with Content-Type: application/json.",
    );
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError("bad_request", "The body is not valid JSON.");
  }
  return schema.parse(body);
}

/** Validates the query string against a schema (unknown parameters are ignored). */
export function readQuery<T extends z.ZodType>(request: NextRequest, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(request.nextUrl.searchParams));
}

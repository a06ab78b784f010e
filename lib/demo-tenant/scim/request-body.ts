import "server-only";

import { isForbiddenName } from "./attribute-path";
import { ScimError } from "./scim-error";

const MAX_BODY_BYTES = 1024 * 1024;
/** SCIM resources nest three levels at most; anything far deeper is not a SCIM message. */
const MAX_DEPTH = 32;

/** Refuses names that could reach Object.prototype through the patch library, and absurd nesting. */
function assertSafeStructure(root: unknown): void {
  const pending: [unknown, number][] = [[root, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_DEPTH) {
      throw ScimError.badRequest(
        "invalidSyntax",
        `The request body is nested deeper than ${MAX_DEPTH} levels.`,
      );
    }
    for (const [key, inner] of Object.entries(value)) {
      if (!Array.isArray(value) && isForbiddenName(key)) {
        throw ScimError.badRequest(
          "invalidSyntax",
          `The name ${JSON.stringify(key)} is not allowed in a SCIM message.`,
        );
      }
      pending.push([inner, depth + 1]);
    }
  }
}

/** The JSON body of a SCIM request, or a 400/413 SCIM error saying what is wrong with it. */
export async function readScimBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    throw new ScimError(413, undefined, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  if (text.trim() === "") {
    throw ScimError.badRequest("invalidSyntax", "The request body is empty; a JSON object was expected.");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw ScimError.badRequest(
      "invalidSyntax",
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  assertSafeStructure(body);
  return body;
}

import { randomBytes } from "node:crypto";

/** Random base64url text of the given length, for codes, refresh tokens and opaque claims. */
export function opaque(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 1)
    .toString("base64url")
    .slice(0, length);
}

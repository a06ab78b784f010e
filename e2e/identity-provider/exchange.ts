import type { IncomingHttpHeaders } from "node:http";

/** One HTTP request as the endpoints see it: already read, body as text. */
export interface Call {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string | string[]> = {},
): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
    body: JSON.stringify(value),
  };
}

export function htmlReply(
  status: number,
  markup: string,
  headers: Record<string, string | string[]> = {},
): Reply {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
    body: markup,
  };
}

export function redirectReply(location: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status: 302, headers: { location, "cache-control": "no-store", ...headers }, body: "" };
}

/** Form fields of a POST body (application/x-www-form-urlencoded); the last of a repeated name wins. */
export function formFields(call: Call): URLSearchParams {
  return new URLSearchParams(call.body);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

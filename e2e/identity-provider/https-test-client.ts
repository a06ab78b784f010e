import { request } from "node:https";
import type { IncomingHttpHeaders } from "node:http";

export interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface HttpsCall {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
}

/** One HTTPS request that trusts the given CA and does not follow redirects, for tests of the provider. */
export function httpsCall(url: string, ca: string, call: HttpsCall = {}): Promise<HttpsAnswer> {
  const body = call.form ? new URLSearchParams(call.form).toString() : undefined;
  const headers = {
    ...(body !== undefined ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    ...call.headers,
  };
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: call.method ?? (body ? "POST" : "GET"), headers, ca },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

export interface SignInOutcome {
  /** Where the provider sends the browser back: the redirect URI with code (or error) and state. */
  location: URL;
  /** The provider's session cookie, for a later prompt=none request. */
  sessionCookie: string | undefined;
}

/** Does what a person does on the sign-in page: opens the authorize URL and presses "Sign in as <name>". */
export async function signInThroughPage(
  authorizeUrl: string,
  ca: string,
  userName: string,
): Promise<SignInOutcome> {
  const page = await httpsCall(authorizeUrl, ca);
  if (page.status !== 200) throw new Error(`the authorize page answered ${page.status}: ${page.text}`);
  const form = page.text
    .split("<form ")
    .slice(1)
    .find((markup) => markup.includes(`>Sign in as ${userName}</button>`));
  if (!form) throw new Error(`the sign-in page offers no "Sign in as ${userName}" button`);
  const action = /action="([^"]+)"/.exec(form)?.[1] ?? "";
  const fields = Object.fromEntries(
    [...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1], match[2]]),
  );
  const answer = await httpsCall(new URL(action, authorizeUrl).toString(), ca, {
    form: fields as Record<string, string>,
  });
  if (answer.status !== 302 || !answer.headers.location) {
    throw new Error(`signing in answered ${answer.status} without a redirect: ${answer.text}`);
  }
  return {
    location: new URL(answer.headers.location),
    sessionCookie: answer.headers["set-cookie"]?.[0]?.split(";")[0],
  };
}

import { request } from "node:https";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";

/**
 * An MSAL network client that trusts one extra CA — the test identity provider's self-signed
 * certificate — for MSAL running inside a test process, where NODE_EXTRA_CA_CERTS can no longer
 * take effect. (A child process is simpler: start it with NODE_EXTRA_CA_CERTS=certificatePath.)
 */
export function networkClientTrusting(caCertificatePem: string): INetworkModule {
  const send = <T>(
    method: "GET" | "POST",
    url: string,
    options: NetworkRequestOptions = {},
    timeout?: number,
  ) =>
    new Promise<NetworkResponse<T>>((resolve, reject) => {
      const outgoing = request(
        url,
        { method, headers: options.headers, ca: caCertificatePem, timeout: timeout ?? 30_000 },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
            }
            try {
              resolve({ headers, body: JSON.parse(text) as T, status: incoming.statusCode ?? 0 });
            } catch {
              reject(
                new Error(`${method} ${url} answered ${incoming.statusCode} with a body that is not JSON`),
              );
            }
          });
          incoming.on("error", reject);
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error(`${method} ${url} timed out`)));
      outgoing.on("error", reject);
      outgoing.end(method === "POST" ? (options.body ?? "") : undefined);
    });
  return {
    sendGetRequestAsync: (url, options, timeout) => send("GET", url, options, timeout),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
  };
}

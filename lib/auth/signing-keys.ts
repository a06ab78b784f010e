import "server-only";
import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import { ApiError, isApiError } from "@/lib/api/errors";

/** Reads a JWKS document (`{ keys: [...] }`) from its URL. */
export type FetchJwks = (jwksUri: string) => Promise<unknown>;

export interface SigningKeysOptions {
  jwksUri: string;
  fetchJwks?: FetchJwks;
  /** How long a fetched key set is trusted before it is read again. */
  ttlMs?: number;
  /** An unknown `kid` triggers a refetch at most this often, so forged kids cannot flood the IdP. */
  refetchIntervalMs?: number;
  now?: () => number;
}

export interface SigningKeys {
  /** The RSA public key with this id, or undefined when the issuer does not publish it. */
  key(kid: string): Promise<KeyObject | undefined>;
}

const DEFAULT_TTL_MS = 60 * 60_000;
const DEFAULT_REFETCH_INTERVAL_MS = 60_000;

export const fetchJwksOverHttp: FetchJwks = async (jwksUri) => {
  const response = await fetch(jwksUri, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${jwksUri} answered ${response.status}`);
  return response.json();
};

/** The issuer's signing keys, fetched once and kept for the TTL; refetched early when a new `kid` appears. */
export function createSigningKeys(options: SigningKeysOptions): SigningKeys {
  const fetchJwks = options.fetchJwks ?? fetchJwksOverHttp;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const refetchIntervalMs = options.refetchIntervalMs ?? DEFAULT_REFETCH_INTERVAL_MS;
  const now = options.now ?? Date.now;

  let keys: Map<string, KeyObject> | undefined;
  let fetchedAt = -Infinity;
  let inFlight: Promise<Map<string, KeyObject>> | undefined;

  const refresh = () => {
    inFlight ??= (async () => {
      try {
        const document = await fetchJwks(options.jwksUri);
        keys = readKeySet(document, options.jwksUri);
        return keys;
      } catch (error) {
        // Keys that are merely old still verify tokens better than no keys at all.
        if (keys) {
          console.warn(`[auth] keeping the previous signing keys: ${describe(error)}`);
          return keys;
        }
        if (isApiError(error)) throw error;
        throw new ApiError(
          "bad_gateway",
          `The identity provider's signing keys could not be read from ${options.jwksUri}: ${describe(error)}`,
        );
      } finally {
        fetchedAt = now();
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    async key(kid) {
      let current = keys && now() - fetchedAt < ttlMs ? keys : await refresh();
      if (!current.has(kid) && now() - fetchedAt >= refetchIntervalMs) current = await refresh();
      return current.get(kid);
    },
  };
}

function readKeySet(document: unknown, jwksUri: string): Map<string, KeyObject> {
  const list = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) {
    throw new ApiError(
      "bad_gateway",
      `${jwksUri} did not answer with a JSON Web Key Set ({ "keys": [...] }).`,
    );
  }
  const keys = new Map<string, KeyObject>();
  for (const entry of list as JsonWebKey[]) {
    if (entry?.kty !== "RSA" || typeof entry.kid !== "string" || (entry.use && entry.use !== "sig")) continue;
    try {
      keys.set(entry.kid, createPublicKey({ key: entry, format: "jwk" }));
    } catch {
      // A key this process cannot read is as good as absent; the others still verify.
    }
  }
  return keys;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const keysByFetcher = new WeakMap<FetchJwks, Map<string, SigningKeys>>();

/** The shared key cache for one JWKS URL (one per fetcher, so tests with their own fetcher stay apart). */
export function signingKeysFor(jwksUri: string, fetchJwks: FetchJwks = fetchJwksOverHttp): SigningKeys {
  let byUri = keysByFetcher.get(fetchJwks);
  if (!byUri) keysByFetcher.set(fetchJwks, (byUri = new Map()));
  let keys = byUri.get(jwksUri);
  if (!keys) byUri.set(jwksUri, (keys = createSigningKeys({ jwksUri, fetchJwks })));
  return keys;
}

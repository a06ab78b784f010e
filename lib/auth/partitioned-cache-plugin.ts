import "server-only";
import type { ICachePlugin, JsonCache, TokenCacheContext } from "@azure/msal-node";
import type { TokenCacheStore } from "./token-cache-store";

/**
 * An MSAL cache plugin bound to one partition: MSAL loads only that account's tokens before it
 * looks, and writes them back only when they changed, so no account ever sees another's tokens.
 */
export function partitionedCachePlugin(
  store: TokenCacheStore,
  partitionKey: string,
  now: () => number = Date.now,
): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const data = await store.get(partitionKey);
      if (data) context.tokenCache.deserialize(data);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      await store.set(partitionKey, withoutExpiredAccessTokens(context.tokenCache.serialize(), now()));
    },
  };
}

/**
 * Each on-behalf-of token is cached under the hash of the console token it was exchanged for,
 * and those change hourly: without pruning, a user's partition would grow for ever.
 */
export function withoutExpiredAccessTokens(serialized: string, nowMs: number): string {
  let cache: Partial<JsonCache>;
  try {
    cache = JSON.parse(serialized) as Partial<JsonCache>;
  } catch {
    return serialized;
  }
  const tokens = cache.AccessToken ?? {};
  const nowSeconds = nowMs / 1000;
  const expired = Object.keys(tokens).filter((key) => Number(tokens[key]?.expires_on) < nowSeconds);
  if (expired.length === 0) return serialized;
  for (const key of expired) delete tokens[key];
  return JSON.stringify(cache);
}

/** The partition of a signed-in user's delegated tokens. */
export const userPartition = (userId: string) => `user:${userId}`;
/** The partition of the console's own application tokens. */
export const appPartition = (clientId: string) => `app:${clientId}`;

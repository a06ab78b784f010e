import "server-only";
import type { ICachePlugin, TokenCacheContext } from "@azure/msal-node";
import type { TokenCacheStore } from "./token-cache-store";

/**
 * An MSAL cache plugin bound to one partition: MSAL loads only that account's tokens before it
 * looks, and writes them back only when they changed, so no account ever sees another's tokens.
 */
export function partitionedCachePlugin(store: TokenCacheStore, partitionKey: string): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const data = await store.get(partitionKey);
      if (data) context.tokenCache.deserialize(data);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (context.cacheHasChanged) await store.set(partitionKey, context.tokenCache.serialize());
    },
  };
}

/** The partition of a signed-in user's delegated tokens. */
export const userPartition = (userId: string) => `user:${userId}`;
/** The partition of the console's own application tokens. */
export const appPartition = (clientId: string) => `app:${clientId}`;

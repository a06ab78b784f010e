import type { TokenCacheContext } from "@azure/msal-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunsDatabase } from "@/lib/runs/database";
import { testDatabases } from "@/lib/testing/databases";
import {
  appPartition,
  partitionedCachePlugin,
  userPartition,
  withoutExpiredAccessTokens,
} from "./partitioned-cache-plugin";
import { databaseTokenCacheStore, memoryTokenCacheStore, type TokenCacheStore } from "./token-cache-store";

/** A stand-in for MSAL's cache context: what it was given, and what it would write. */
function cacheContext(current: string, changed: boolean) {
  const loaded: string[] = [];
  const context = {
    cacheHasChanged: changed,
    tokenCache: {
      deserialize: (data: string) => loaded.push(data),
      serialize: () => current,
    },
  } as unknown as TokenCacheContext;
  return { context, loaded };
}

function storeBehaviour(
  name: string,
  open: () => Promise<{ store: TokenCacheStore; rows?: () => Promise<number> }>,
) {
  describe(`the MSAL token cache store (${name})`, () => {
    let store: TokenCacheStore;
    let rows: (() => Promise<number>) | undefined;
    beforeAll(async () => ({ store, rows } = await open()));

    it("keeps each partition apart: one account never reads another's tokens", async () => {
      await store.set(userPartition("alice"), '{"who":"alice"}');
      await store.set(userPartition("bob"), '{"who":"bob"}');
      expect(await store.get(userPartition("alice"))).toBe('{"who":"alice"}');
      expect(await store.get(userPartition("bob"))).toBe('{"who":"bob"}');
      expect(await store.get(userPartition("carol"))).toBeUndefined();
      expect(await store.get(appPartition("console"))).toBeUndefined();
    });

    it("replaces a partition's cache in place", async () => {
      await store.set(userPartition("dave"), "first");
      await store.set(userPartition("dave"), "second");
      expect(await store.get(userPartition("dave"))).toBe("second");
      if (rows) expect(await rows()).toBe(3);
    });

    it("lets MSAL load only its own partition, and writes back only what changed", async () => {
      const alice = partitionedCachePlugin(store, userPartition("alice"));
      const before = cacheContext("", false);
      await alice.beforeCacheAccess(before.context);
      expect(before.loaded).toEqual(['{"who":"alice"}']);

      await alice.afterCacheAccess(cacheContext('{"who":"alice","token":"new"}', false).context);
      expect(await store.get(userPartition("alice"))).toBe('{"who":"alice"}');
      await alice.afterCacheAccess(cacheContext('{"who":"alice","token":"new"}', true).context);
      expect(await store.get(userPartition("alice"))).toBe('{"who":"alice","token":"new"}');
      expect(await store.get(userPartition("bob"))).toBe('{"who":"bob"}');

      const newcomer = cacheContext("", false);
      await partitionedCachePlugin(store, userPartition("erin")).beforeCacheAccess(newcomer.context);
      expect(newcomer.loaded).toEqual([]);
    });
  });
}

describe("pruning a partition", () => {
  const cache = (expiresOn: Record<string, number>) =>
    JSON.stringify({
      Account: {},
      IdToken: {},
      RefreshToken: { rt: { secret: "refresh" } },
      AppMetadata: {},
      AccessToken: Object.fromEntries(
        Object.entries(expiresOn).map(([key, at]) => [key, { secret: key, expires_on: String(at) }]),
      ),
    });

  it("drops access tokens that have expired and keeps everything else", () => {
    const now = Date.UTC(2026, 0, 15, 12);
    const pruned = JSON.parse(
      withoutExpiredAccessTokens(cache({ old: now / 1000 - 1, fresh: now / 1000 + 3000 }), now),
    );
    expect(Object.keys(pruned.AccessToken)).toEqual(["fresh"]);
    expect(pruned.RefreshToken.rt.secret).toBe("refresh");
  });

  it("writes the pruned cache through the plugin, and leaves text it cannot read alone", async () => {
    const store = memoryTokenCacheStore();
    const now = Date.UTC(2026, 0, 15, 12);
    const plugin = partitionedCachePlugin(store, userPartition("frank"), () => now);
    await plugin.afterCacheAccess(cacheContext(cache({ old: now / 1000 - 1 }), true).context);
    expect(JSON.parse((await store.get(userPartition("frank")))!).AccessToken).toEqual({});
    expect(withoutExpiredAccessTokens("not json", now)).toBe("not json");
  });
});

storeBehaviour("memory", async () => ({ store: memoryTokenCacheStore() }));

for (const [name, database] of testDatabases()) {
  let db: RunsDatabase | undefined;
  const open = database();
  storeBehaviour(name, async () => {
    db = await open();
    const opened = db;
    return {
      store: databaseTokenCacheStore(opened, () => new Date("2026-01-15T12:00:00.000Z")),
      // PostgreSQL counts in bigint, which arrives as text.
      rows: async () =>
        Number(
          (
            await opened
              .selectFrom("msal_cache")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    };
  });
  afterAll(async () => db?.destroy());
}

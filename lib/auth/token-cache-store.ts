import "server-only";
import type { RunsDatabase } from "@/lib/runs/database";

/** Where MSAL's serialized token caches live, one value per partition. */
export interface TokenCacheStore {
  /** The partition's serialized cache, or undefined when it has none yet. */
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** In-process only: for tests and single-instance use. */
export function memoryTokenCacheStore(): TokenCacheStore {
  const values = new Map<string, string>();
  return {
    async get(key) {
      return values.get(key);
    },
    async set(key, value) {
      values.set(key, value);
    },
  };
}

/** The `msal_cache` table of the console's database (SQLite or PostgreSQL), shared by every instance. */
export function databaseTokenCacheStore(
  db: RunsDatabase,
  now: () => Date = () => new Date(),
): TokenCacheStore {
  return {
    async get(key) {
      const row = await db
        .selectFrom("msal_cache")
        .select("data")
        .where("partition_key", "=", key)
        .executeTakeFirst();
      return row?.data;
    },
    async set(key, value) {
      const updatedAt = now().toISOString();
      await db
        .insertInto("msal_cache")
        .values({ partition_key: key, data: value, updated_at: updatedAt })
        .onConflict((conflict) =>
          conflict.column("partition_key").doUpdateSet({ data: value, updated_at: updatedAt }),
        )
        .execute();
    },
  };
}

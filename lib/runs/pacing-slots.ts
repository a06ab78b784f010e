import "server-only";
import type { PacingSlots } from "@/lib/graph/slot-pacing";
import type { RunsDatabase } from "./database";

// The pace of each job in the console's own database: a killed console's calls still count after
// a restart, and consoles that share a PostgreSQL database without Redis share one budget.

export interface DatabaseSlot {
  key: string;
  index: number;
  /** Who holds it: a lapsed slot taken by another call is not this one's to hold or free. */
  holder: string;
}

const SLOTS_PER_INSERT = 1_000;

/** Slots as rows of `pacing_slots`, each change one conditional statement (instances may race). */
export function databasePacingSlots(
  db: RunsDatabase,
  { limit, holdMs }: { limit: number; holdMs: number },
  now: () => number = Date.now,
): PacingSlots<DatabaseSlot> {
  const known = new Set<string>();

  async function ensureSlots(key: string) {
    if (known.has(key)) return;
    // In statements of a bounded size: SQLite takes at most 32,766 parameters in one, four per row.
    for (let first = 0; first < limit; first += SLOTS_PER_INSERT)
      await db
        .insertInto("pacing_slots")
        .values(
          Array.from({ length: Math.min(SLOTS_PER_INSERT, limit - first) }, (_, i) => ({
            pace_key: key,
            slot: first + i,
            holder: null,
            held_until: 0,
          })),
        )
        .onConflict((conflict) => conflict.columns(["pace_key", "slot"]).doNothing())
        .execute();
    known.add(key);
  }

  const mine = (slot: DatabaseSlot) =>
    db
      .updateTable("pacing_slots")
      .where("pace_key", "=", slot.key)
      .where("slot", "=", slot.index)
      .where("holder", "=", slot.holder);

  return {
    async take(key) {
      await ensureSlots(key);
      const at = now();
      const holder = crypto.randomUUID();
      const taken = await db
        .updateTable("pacing_slots")
        .set({ holder, held_until: at + holdMs })
        .where("pace_key", "=", key)
        .where("slot", "=", (eb) =>
          eb
            .selectFrom("pacing_slots")
            .select("slot")
            .where("pace_key", "=", key)
            .where("slot", "<", limit)
            .where("held_until", "<=", at)
            .orderBy("slot")
            .limit(1),
        )
        .where("held_until", "<=", at)
        .returning("slot")
        .executeTakeFirst();
      if (taken) return { slot: { key, index: taken.slot, holder } };
      const rows = await db
        .selectFrom("pacing_slots")
        .select("held_until")
        .where("pace_key", "=", key)
        .where("slot", "<", limit)
        .execute();
      return { freeInMs: rows.map((row) => Math.max(0, Number(row.held_until) - at)) };
    },
    async hold(slot, ms) {
      const at = now();
      const result = await mine(slot)
        .set({ held_until: at + ms })
        .where("held_until", ">", at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async free(slot) {
      await mine(slot).set({ holder: null, held_until: 0 }).execute();
    },
    async held(key) {
      const row = await db
        .selectFrom("pacing_slots")
        .select((eb) => eb.fn.countAll<string | number>().as("n"))
        .where("pace_key", "=", key)
        .where("slot", "<", limit)
        .where("held_until", ">", now())
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

import "server-only";
import type { SeededRandom } from "./random";

/** Seeded timestamps are fixed, not taken from the wall clock, so every start is identical. */
export const SEED_REFERENCE_TIME = Date.parse("2026-11-27T08:40:00Z");
const DAY_MS = 86_400_000;

/** Graph's directory timestamp format: whole seconds, "Z". */
export function directoryTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** The synchronization service's format: seven fractional digits ("…:17.6855592Z"). */
export function synchronizationTimestamp(ms: number, random: SeededRandom): string {
  const whole = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  return `${whole}.${String(random.int(10_000_000)).padStart(7, "0")}Z`;
}

/** A moment some whole days (plus a random time of day) before the reference time. */
export function daysBeforeReference(random: SeededRandom, minDays: number, maxDays: number): number {
  return SEED_REFERENCE_TIME - random.between(minDays, maxDays) * DAY_MS - random.int(DAY_MS);
}

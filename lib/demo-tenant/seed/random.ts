import "server-only";

/** A small seeded pseudo-random source (mulberry32): the same seed always yields the same tenant. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** An integer in [min, max] inclusive. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A version-4 style GUID drawn from the sequence. */
  guid(): string;
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
}

const hex8 = (n: number) => n.toString(16).padStart(8, "0");

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => nextUint32() / 4294967296;
  const int = (max: number) => Math.floor(next() * max);
  const bytes = (count: number) => {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i += 4) {
      const word = nextUint32();
      for (let j = 0; j < 4 && i + j < count; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  };
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick() needs at least one item");
      return items[int(items.length)] as T;
    },
    guid() {
      const a = hex8(nextUint32());
      const b = hex8(((nextUint32() & 0xffff0fff) | 0x00004000) >>> 0);
      const c = hex8(((nextUint32() & 0x3fffffff) | 0x80000000) >>> 0);
      return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${hex8(nextUint32())}`;
    },
    bytes,
  };
}

import "server-only";

import { randomInt, randomUUID } from "node:crypto";

import type { EvaluationOptions } from "../function-call";

/** A new GUID: the injected source (the engine's seeded one), else a random one. */
export function newGuid(options: EvaluationOptions): string {
  return (options.newGuid ?? randomUUID)();
}

/**
 * An integer in [0, max): the injected source, else drawn from the injected GUIDs, so an engine that
 * seeds only its GUIDs still gets repeatable random strings, else crypto's.
 */
export function randomIntBelow(options: EvaluationOptions, max: number): number {
  if (options.randomInt) return options.randomInt(max);
  if (options.newGuid) {
    const hex = options
      .newGuid()
      .replace(/[^0-9a-f]/gi, "")
      .slice(0, 8);
    if (hex.length === 8) return Math.floor((Number.parseInt(hex, 16) / 2 ** 32) * max);
  }
  return randomInt(max);
}

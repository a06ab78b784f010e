import "server-only";
import type { Caller } from "@/lib/auth";
import type { BulkGraph } from "@/lib/bulk";
import type { Env } from "@/lib/env";

/** A call may take two minutes; a token about to expire would fail it half-way. */
const FRESH_FOR_MS = 150_000;

export interface SignIns {
  /** Keeps the caller's sign-in if it outlives the one known (every bulk request leaves it here). */
  remember(caller: Caller): void;
  /** Graph for the operator who started a bulk run; null while this instance cannot call as them. */
  graphForActor(actor: string): BulkGraph | null;
}

/**
 * In delegated mode a bulk run calls Graph as the operator who started it, so the worker needs
 * their current sign-in; an instance without a fresh one leaves the run to instances that have
 * it. In demo and application mode Graph is the console's own, and any instance may send.
 */
export function createSignIns(deps: {
  settings: Env;
  graphFor(caller: Caller): BulkGraph;
  now?: () => number;
}): SignIns {
  const now = deps.now ?? Date.now;
  const known = new Map<string, Caller>();
  const expiry = (caller: Caller | undefined) => caller?.assertionExpiresAt ?? 0;
  const delegated = deps.settings.mode === "entra" && deps.settings.GRAPH_PERMISSION_MODE === "delegated";
  return {
    remember(caller) {
      if (!delegated || !caller.assertion) return;
      if (expiry(known.get(caller.id)) < expiry(caller)) known.set(caller.id, caller);
    },
    graphForActor(actor) {
      if (!delegated) return deps.graphFor({ id: actor, displayName: actor, roles: [] });
      const caller = known.get(actor);
      if (!caller || expiry(caller) < now() + FRESH_FOR_MS) return null;
      return deps.graphFor(caller);
    },
  };
}

import "server-only";
import type { GraphCall, GraphResult } from "./graph-call";
import { methodNotAllowed, segmentNotFound } from "./graph-error";

export type RouteHandler = (call: GraphCall, params: string[]) => GraphResult | Promise<GraphResult>;

export interface Route {
  /** Path segments after the version; ":" stands for an id. Literals match case-insensitively, as in Graph. */
  pattern: string[];
  methods: Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", RouteHandler>>;
}

/**
 * Finds the route for a call: 400 naming the first segment no route knows, 405 for a known path and
 * wrong method. A literal segment is a better match than an id (`deletedItems/microsoft.graph.user`
 * is the cast, not a user called that), and several route tables may serve one path with different
 * methods (reads in one, actions in another).
 */
export function resolveRoute(routes: Route[], call: GraphCall): { handler: RouteHandler; params: string[] } {
  let deepest = 0;
  const allowed = new Set<string>();
  let best: { handler: RouteHandler; params: string[]; literals: number } | null = null;
  for (const route of routes) {
    const params: string[] = [];
    let depth = 0;
    for (; depth < Math.min(route.pattern.length, call.segments.length); depth++) {
      const want = route.pattern[depth]!;
      const got = call.segments[depth]!;
      if (want === ":") params.push(got);
      else if (want.toLowerCase() !== got.toLowerCase()) break;
    }
    if (depth === route.pattern.length && depth === call.segments.length) {
      const handler = route.methods[call.method as keyof Route["methods"]];
      for (const method of Object.keys(route.methods)) allowed.add(method);
      const literals = route.pattern.length - params.length;
      if (handler && (!best || literals > best.literals)) best = { handler, params, literals };
      continue;
    }
    deepest = Math.max(deepest, depth);
  }
  if (best) return { handler: best.handler, params: best.params };
  if (allowed.size > 0) throw methodNotAllowed(call.method, [...allowed]);
  throw segmentNotFound(call.segments[Math.min(deepest, call.segments.length - 1)] ?? "");
}

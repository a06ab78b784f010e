/** What the compare page was asked for by its URL. */
export type CompareRequest =
  | { kind: "pair"; a: string; b: string }
  /** One run alone: compare it with the run before it of the same object. */
  | { kind: "with-previous"; runId: string }
  | { kind: "none" };

export function compareRequestFrom(params: URLSearchParams): CompareRequest {
  const a = params.get("a")?.trim() || null;
  const b = params.get("b")?.trim() || null;
  if (a && b) return { kind: "pair", a, b };
  const only = a ?? b;
  return only ? { kind: "with-previous", runId: only } : { kind: "none" };
}

/** The compare page for two runs; `a` is the earlier one by convention, so "a → b" reads as what changed. */
export function compareHref(a: string, b?: string): string {
  const params = new URLSearchParams({ a });
  if (b) params.set("b", b);
  return `/runs/compare?${params.toString()}`;
}

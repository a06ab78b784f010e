/** True when every word of the filter occurs in one of the texts, ignoring case; an empty filter matches all. */
export function matchesFilter(filter: string, ...texts: readonly (string | null)[]): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.map((text) => (text ?? "").toLowerCase());
  return words.every((word) => haystack.some((text) => text.includes(word)));
}

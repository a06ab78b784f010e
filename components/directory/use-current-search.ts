"use client";
import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useDebouncedValue } from "./use-debounced-value";

export type SearchOptions<T, Key extends QueryKey> = (
  text: string,
) => UseQueryOptions<{ items: T[] }, Error, T[], Key>;

export interface CurrentSearch<T> {
  /** Suggestions for exactly the text typed now; empty until that text's own answer is here. */
  options: T[];
  /** The typed text has no answer yet (the pause before the request, or the request in flight). */
  searching: boolean;
  /** The typed text's search failed. */
  error: Error | null;
}

/**
 * A debounced server search whose answer counts only for the text it was asked for: while the text
 * typed now has no answer of its own, there are no suggestions (never the previous text's), so
 * nothing can be picked from a list that does not match what is in the box.
 */
export function useCurrentSearch<T, Key extends QueryKey>(
  typed: string,
  search: SearchOptions<T, Key>,
  enabled: boolean,
  delayMs = 250,
): CurrentSearch<T> {
  const settled = useDebouncedValue(typed, delayMs);
  const results = useQuery({ ...search(settled), enabled });
  const answered = settled === typed;
  return {
    options: answered && results.isSuccess ? results.data : [],
    searching: enabled && (!answered || results.isPending),
    error: answered && results.isError ? results.error : null,
  };
}

"use client";
import { useEffect, useRef, type KeyboardEvent } from "react";

/** MUI's Autocomplete skips its own key handling when a handler sets `defaultMuiPrevented`. */
export type AutocompleteKeyboardEvent = KeyboardEvent<HTMLDivElement> & { defaultMuiPrevented?: boolean };

interface Intent {
  /** The text the keys were pressed for; typing on forgets them. */
  typed: string;
  downs: number;
  enter: boolean;
}

const indexOf = (intent: Intent | null, count: number) =>
  Math.min(Math.max((intent?.downs ?? 0) - 1, 0), count - 1);

/**
 * ↓, ↑ and Enter in a type-ahead whose suggestions arrive from the server. Pressed before the typed
 * text's own suggestions are there, the keys are kept for that text and applied to its suggestions
 * when they come (↓ then Enter picks the first), never to whatever was listed before. Enter with
 * nothing highlighted picks the first suggestion, as the top match.
 */
export function useKeyboardPick<T>({
  typed,
  options,
  searching,
  onPick,
}: {
  typed: string;
  options: readonly T[];
  searching: boolean;
  onPick: (option: T) => void;
}) {
  const intent = useRef<Intent | null>(null);
  const highlighted = useRef<T | null>(null);

  useEffect(() => {
    const wanted = intent.current;
    if (!wanted) return;
    if (wanted.typed !== typed) {
      intent.current = null;
      return;
    }
    if (searching || !wanted.enter) return;
    intent.current = null;
    const option = options[indexOf(wanted, options.length)];
    if (option !== undefined) onPick(option);
  }, [typed, options, searching, onPick]);

  const onKeyDown = (event: AutocompleteKeyboardEvent) => {
    const key = event.key;
    if (key !== "ArrowDown" && key !== "ArrowUp" && key !== "Enter") return;
    const kept = intent.current?.typed === typed ? intent.current : null;
    if (searching) {
      event.defaultMuiPrevented = true;
      event.preventDefault();
      const downs = kept?.downs ?? 0;
      intent.current = {
        typed,
        downs: key === "ArrowDown" ? downs + 1 : key === "ArrowUp" ? Math.max(0, downs - 1) : downs,
        enter: key === "Enter" || (kept?.enter ?? false),
      };
      return;
    }
    intent.current = null;
    if (key === "Enter" && highlighted.current === null && options.length > 0) {
      event.defaultMuiPrevented = true;
      event.preventDefault();
      onPick(options[indexOf(kept, options.length)]!);
    }
  };

  const onHighlightChange = (_event: unknown, option: T | null) => {
    highlighted.current = option;
  };

  return { onKeyDown, onHighlightChange };
}

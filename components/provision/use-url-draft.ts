"use client";
import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "@/components/directory/use-debounced-value";

/**
 * Text typed into a field whose value also lives in the URL. The form reads the text as it is now,
 * so what is shown is what is sent even in the moment after a keystroke; the URL follows after a
 * pause, and a URL changed from outside (a link, "Provision another") replaces the text.
 */
export function useUrlDraft(urlValue: string, writeUrl: (text: string) => void, delayMs = 300) {
  const [text, setText] = useState(urlValue);
  const lastWritten = useRef(urlValue);
  const settled = useDebouncedValue(text, delayMs);

  useEffect(() => {
    if (settled === lastWritten.current) return;
    lastWritten.current = settled;
    writeUrl(settled);
  }, [settled, writeUrl]);
  useEffect(() => {
    if (urlValue === lastWritten.current) return;
    lastWritten.current = urlValue;
    setText(urlValue);
  }, [urlValue]);

  return [text, setText] as const;
}

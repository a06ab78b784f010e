import type { LabFunction } from "@/lib/api/contracts";

/** The function name being typed at the caret: letters right before it, not inside a string or [attribute]. */
export function wordAtCaret(text: string, caret: number): { word: string; start: number } | null {
  let inString = false;
  let inAttribute = false;
  for (let i = 0; i < caret; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "[") inAttribute = true;
    else if (ch === "]") inAttribute = false;
  }
  if (inString || inAttribute) return null;
  let start = caret;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1]!)) start--;
  const word = text.slice(start, caret);
  return word.length > 0 ? { word, start } : null;
}

/** The functions whose name starts with the word (any case), shortest first, at most `limit`. */
export function suggestFunctions(functions: readonly LabFunction[], word: string, limit = 8): LabFunction[] {
  const wanted = word.toLowerCase();
  return functions
    .filter((fn) => fn.name.toLowerCase().startsWith(wanted) && fn.name.toLowerCase() !== wanted)
    .sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** "Join(separator, source, …)": a function's signature, optional parameters in brackets. */
export function signatureOf(fn: LabFunction): string {
  const parts = fn.parameters.map((p) => {
    const name = p.repeats ? `${p.name}, …` : p.name;
    return p.required ? name : `[${name}]`;
  });
  return `${fn.name}(${parts.join(", ")})`;
}

/** The text with the word at `start…caret` completed to `Name(`, and where the caret goes. */
export function completeFunction(
  text: string,
  start: number,
  caret: number,
  fn: LabFunction,
): { text: string; caret: number } {
  const inserted = `${fn.name}(`;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

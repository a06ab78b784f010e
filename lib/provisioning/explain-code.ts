import { CODE_CATALOG, type CodeEntry, type CodeSeverity } from "./code-catalog";

export interface CodeExplanation {
  /** The catalog's spelling when known, else the code as given (trimmed). */
  code: string;
  title: string;
  meaning: string;
  action: string;
  severity: CodeSeverity;
  known: boolean;
}

function lookupKey(code: string): string {
  // The docs now print "Microsoft Entra ID CannotUpdate…" for what the wire still calls "AzureActiveDirectory…".
  return code
    .replace(/\s+/g, "")
    .toLowerCase()
    .replace(/^microsoftentraid/, "azureactivedirectory");
}

const ENTRY_BY_KEY: ReadonlyMap<string, { entry: CodeEntry; spelling: string }> = new Map(
  CODE_CATALOG.flatMap((entry) =>
    [entry.code, ...(entry.aliases ?? [])].map(
      (spelling) => [lookupKey(spelling), { entry, spelling }] as const,
    ),
  ),
);

/** Every code spelling explainCode recognises. */
export function knownCodes(): string[] {
  return [...ENTRY_BY_KEY.values()].map(({ spelling }) => spelling);
}

/** A plain-language explanation of a provisioning error code or skip reason, case-insensitive. */
export function explainCode(code: string): CodeExplanation {
  const given = typeof code === "string" ? code.trim() : "";
  const match = ENTRY_BY_KEY.get(lookupKey(given));
  if (match) {
    const { entry, spelling } = match;
    return {
      code: spelling,
      title: entry.title,
      meaning: entry.meaning,
      action: entry.action,
      severity: entry.severity,
      known: true,
    };
  }
  if (given === "") {
    return {
      code: "",
      title: "No code given",
      meaning: "The answer did not include an error code or skip reason.",
      action: "Look at the step that did not succeed and at the raw answer for details.",
      severity: "warning",
      known: false,
    };
  }
  return {
    code: given,
    title: `Unrecognised code ${given}`,
    meaning: `The provisioning service reported "${given}", a code this console does not describe yet.`,
    action: `Look at the step details and the raw answer, and search Microsoft's provisioning error reference for "${given}".`,
    severity: "warning",
    known: false,
  };
}

/** A skip reason or error code in a few words ("Already in sync"), or null for a code the catalog does not describe. */
export function codeInWords(code: string | null | undefined): string | null {
  if (!code) return null;
  const explanation = explainCode(code);
  return explanation.known ? explanation.title : null;
}

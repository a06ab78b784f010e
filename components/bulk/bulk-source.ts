import {
  requestReadiness,
  type Readiness,
  type RequestTarget,
} from "@/components/provision/request-readiness";
import type { BulkPreview, BulkRunRequest, BulkSource, BulkSubject } from "@/lib/api/contracts";

export type SourceTab = BulkSource["kind"];

/** The source picker's state: each tab keeps what was typed in it while another tab is shown. */
export interface BulkSourceForm {
  tab: SourceTab;
  lines: string;
  csv: { fileName: string; text: string } | null;
  groupId: string | null;
  groupFilter: string;
}

export const EMPTY_SOURCE_FORM: BulkSourceForm = {
  tab: "lines",
  lines: "",
  csv: null,
  groupId: null,
  groupFilter: "",
};

/** A CSV this large holds far more than 10,000 ids; reading it would only stall the tab. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export type SourceReadiness = { source: BulkSource; problem: null } | { source: null; problem: string };

/** The source the shown tab describes, or what is missing, in words for the disabled Preview button. */
export function sourceReadiness(form: BulkSourceForm): SourceReadiness {
  const missing = (problem: string): SourceReadiness => ({ source: null, problem });
  switch (form.tab) {
    case "lines":
      return hasEntries(form.lines)
        ? { source: { kind: "lines", text: form.lines }, problem: null }
        : missing("Paste at least one object id, UPN or distinguished name, one a line.");
    case "csv":
      if (!form.csv) return missing("Choose a CSV file.");
      return hasEntries(form.csv.text)
        ? { source: { kind: "csv", text: form.csv.text }, problem: null }
        : missing(`${form.csv.fileName} has no rows.`);
    case "group": {
      if (!form.groupId) return missing("Pick the group whose members to provision.");
      const filter = form.groupFilter.trim();
      return {
        source: filter
          ? { kind: "group", groupId: form.groupId, filter }
          : { kind: "group", groupId: form.groupId },
        problem: null,
      };
    }
  }
}

/** Anything besides blank lines and # comments, which the server skips. */
function hasEntries(text: string): boolean {
  return text.split(/\r\n|\n|\r/).some((line) => line.trim() !== "" && !line.trim().startsWith("#"));
}

/** Why a chosen file will not be read, or null when it can be. */
export function csvFileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_CSV_BYTES) {
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a CSV of at most ${MAX_CSV_BYTES / 1024 / 1024} MB is read. Split the file.`;
  }
  return null;
}

export function sameSource(a: BulkSource | null, b: BulkSource | null): boolean {
  return a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

export interface PreviewOf {
  source: BulkSource;
  preview: BulkPreview;
}

/** The bulk run to start from the last preview, if it still matches the form and holds something to send. */
export function startReadiness(
  target: RequestTarget,
  current: BulkSource | null,
  previewed: PreviewOf | null,
): Readiness<BulkRunRequest> {
  return requestReadiness(target, () => previewedSubjects(current, previewed));
}

function previewedSubjects(
  current: BulkSource | null,
  previewed: PreviewOf | null,
): Pick<BulkRunRequest, "subjects"> | string {
  if (!previewed) return "Preview the objects first: nothing runs before you have seen the list.";
  if (!sameSource(current, previewed.source)) return "The objects changed since the preview. Preview again.";
  const { subjects, limits } = previewed.preview;
  if (subjects.length === 0) return "None of the objects could be resolved, so there is nothing to run.";
  if (subjects.length > limits.maxObjects) {
    return `A bulk run takes at most ${limits.maxObjects.toLocaleString("en-US")} objects; this one has ${subjects.length.toLocaleString("en-US")}. Split the list.`;
  }
  return { subjects: subjects.map(({ subject, label }) => ({ ...subject, label })) };
}

/** The first `limit` subjects to list, and how many more there are. */
export function firstSubjects(
  subjects: readonly BulkSubject[],
  limit = 100,
): { shown: BulkSubject[]; more: number } {
  return { shown: subjects.slice(0, limit), more: Math.max(0, subjects.length - limit) };
}

import { describe, expect, it } from "vitest";
import type { BulkPreview, BulkSubject } from "@/lib/api/contracts";
import {
  csvFileProblem,
  EMPTY_SOURCE_FORM,
  firstSubjects,
  sourceReadiness,
  startReadiness,
  type PreviewOf,
} from "./bulk-source";

const TARGET = { servicePrincipalId: "sp-1", jobId: "scim.abc.def", ruleId: "rule#V2" };
const LIMITS = { maxObjects: 10_000, activePerJob: 1, pace: { limit: 5, windowMs: 10_000 } };

function subject(n: number): BulkSubject {
  return { subject: { kind: "user", objectId: `id-${n}` }, label: `user${n}@contoso.com` };
}

function previewOf(subjects: BulkSubject[], text = "a@contoso.com"): PreviewOf {
  const preview: BulkPreview = {
    subjects,
    unresolved: [],
    duplicates: 0,
    warnings: [],
    estimatedMs: 0,
    limits: LIMITS,
  };
  return { source: { kind: "lines", text }, preview };
}

describe("sourceReadiness", () => {
  it("wants something besides blank lines and comments in the paste box", () => {
    expect(sourceReadiness({ ...EMPTY_SOURCE_FORM, lines: "\n  # ids from the ticket\n\n" }).problem).toMatch(
      /^Paste at least one/,
    );
    expect(sourceReadiness({ ...EMPTY_SOURCE_FORM, lines: "# list\nAdeleV@contoso.com" }).source).toEqual({
      kind: "lines",
      text: "# list\nAdeleV@contoso.com",
    });
  });

  it("reads the tab shown, not what another tab holds", () => {
    const form = { ...EMPTY_SOURCE_FORM, tab: "csv" as const, lines: "AdeleV@contoso.com" };
    expect(sourceReadiness(form).problem).toBe("Choose a CSV file.");
    expect(sourceReadiness({ ...form, csv: { fileName: "users.csv", text: "\n" } }).problem).toBe(
      "users.csv has no rows.",
    );
    expect(
      sourceReadiness({ ...form, csv: { fileName: "users.csv", text: "upn\nAdeleV@contoso.com\n" } }).source,
    ).toEqual({
      kind: "csv",
      text: "upn\nAdeleV@contoso.com\n",
    });
  });

  it("sends a group's filter only when there is one", () => {
    const form = { ...EMPTY_SOURCE_FORM, tab: "group" as const };
    expect(sourceReadiness(form).problem).toMatch(/Pick the group/);
    expect(sourceReadiness({ ...form, groupId: "g1", groupFilter: "  " }).source).toEqual({
      kind: "group",
      groupId: "g1",
    });
    expect(sourceReadiness({ ...form, groupId: "g1", groupFilter: " Sales " }).source).toEqual({
      kind: "group",
      groupId: "g1",
      filter: "Sales",
    });
  });
});

describe("csvFileProblem", () => {
  it("refuses empty and very large files, naming them", () => {
    expect(csvFileProblem({ name: "a.csv", size: 0 })).toBe("a.csv is empty.");
    expect(csvFileProblem({ name: "big.csv", size: 6 * 1024 * 1024 })).toMatch(/^big\.csv is 6\.0 MB/);
    expect(csvFileProblem({ name: "ok.csv", size: 2048 })).toBeNull();
  });
});

describe("startReadiness", () => {
  const current = { kind: "lines", text: "a@contoso.com" } as const;

  it("sends the previewed subjects in order with their labels", () => {
    const result = startReadiness(TARGET, current, previewOf([subject(1), subject(2)]));
    expect(result.request).toEqual({
      ...TARGET,
      subjects: [
        { kind: "user", objectId: "id-1", label: "user1@contoso.com" },
        { kind: "user", objectId: "id-2", label: "user2@contoso.com" },
      ],
    });
  });

  it("needs a rule and a preview", () => {
    expect(startReadiness({ ...TARGET, ruleId: null }, current, previewOf([subject(1)])).problem).toBe(
      "Choose a rule first.",
    );
    expect(startReadiness(TARGET, current, null).problem).toMatch(/^Preview the objects first/);
  });

  it("refuses a preview of other input than the form now holds", () => {
    const edited = { kind: "lines", text: "a@contoso.com\nb@contoso.com" } as const;
    expect(startReadiness(TARGET, edited, previewOf([subject(1)])).problem).toMatch(
      /changed since the preview/,
    );
    expect(startReadiness(TARGET, null, previewOf([subject(1)])).problem).toMatch(
      /changed since the preview/,
    );
  });

  it("refuses a preview with nothing resolved", () => {
    expect(startReadiness(TARGET, current, previewOf([])).problem).toMatch(/nothing to run/);
  });

  it("refuses more objects than the server's limit, with both numbers", () => {
    const many = previewOf([subject(1), subject(2), subject(3)]);
    many.preview.limits = { ...LIMITS, maxObjects: 2 };
    expect(startReadiness(TARGET, current, many).problem).toBe(
      "A bulk run takes at most 2 objects; this one has 3. Split the list.",
    );
  });
});

describe("firstSubjects", () => {
  it("lists the first hundred and counts the rest", () => {
    const all = Array.from({ length: 130 }, (_, n) => subject(n));
    const { shown, more } = firstSubjects(all);
    expect(shown).toHaveLength(100);
    expect(shown[0]).toBe(all[0]);
    expect(more).toBe(30);
    expect(firstSubjects(all.slice(0, 3)).more).toBe(0);
  });
});

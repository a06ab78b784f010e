import { distinguishedNameProblem } from "@/lib/provisioning/distinguished-name";

// What an operator pasted or uploaded, read into one entry per object before anything is looked
// up: an object id, a userPrincipalName or an on-premises distinguished name.

export type SourceEntry =
  | { kind: "objectId"; value: string; line: number }
  | { kind: "userPrincipalName"; value: string; line: number }
  | { kind: "distinguishedName"; value: string; line: number }
  | { kind: "unreadable"; value: string; line: number; reason: string };

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^\s@]+@[^\s@]+$/;
const LOOKS_LIKE_DN = /^\s*(?:cn|ou|uid|dc)\s*=/i;
/** CSV headers that name the column to read, in order of preference. */
const ID_COLUMNS = ["id", "objectid", "userprincipalname", "upn", "distinguishedname", "dn"];

/** Classifies one value; the line number is where the operator will look for it. */
export function readEntry(raw: string, line: number): SourceEntry {
  const value = raw.trim();
  if (OBJECT_ID.test(value)) return { kind: "objectId", value: value.toLowerCase(), line };
  if (LOOKS_LIKE_DN.test(value)) {
    const problem = distinguishedNameProblem(value);
    return problem
      ? { kind: "unreadable", value, line, reason: problem }
      : { kind: "distinguishedName", value, line };
  }
  if (UPN.test(value)) return { kind: "userPrincipalName", value, line };
  return {
    kind: "unreadable",
    value,
    line,
    reason: "Not an object id, a userPrincipalName (name@domain) or a distinguished name (CN=…,DC=…).",
  };
}

/** One value a line; blank lines and lines starting with # are skipped. */
export function readLines(text: string): SourceEntry[] {
  const entries: SourceEntry[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const value = raw.trim();
    if (value === "" || value.startsWith("#")) return;
    entries.push(readEntry(value, index + 1));
  });
  return entries;
}

/**
 * The id column of a CSV file: the one whose header names it (id, objectId, userPrincipalName,
 * upn, distinguishedName, dn), else the first column — then the first row is data unless it is
 * neither an id, a UPN nor a DN.
 */
export function readCsv(text: string): SourceEntry[] {
  const rows = parseCsv(text);
  const header =
    rows[0]?.cells.map((cell) =>
      cell
        .trim()
        .toLowerCase()
        .replace(/[\s_-]/g, ""),
    ) ?? [];
  const named = ID_COLUMNS.map((name) => header.indexOf(name)).find((index) => index >= 0);
  let column = 0;
  let body = rows;
  if (named !== undefined) {
    column = named;
    body = rows.slice(1);
  } else if (rows[0] && readEntry(rows[0].cells[0] ?? "", rows[0].line).kind === "unreadable") {
    body = rows.slice(1); // a header naming some other column: the first column is read
  }
  return body
    .filter((row) => (row.cells[column] ?? "").trim() !== "")
    .map((row) => readEntry(row.cells[column] ?? "", row.line));
}

/** RFC 4180 fields (quotes, doubled quotes, commas and line breaks inside quotes) with their first line. */
export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== "")) rows.push({ cells, line: rowLine });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

import { parseCsv } from "@/lib/bulk/source-lines";

/** A CSV download read back: its header, and each row as { column: value }. */
export function csvRecords(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [head, ...body] = parseCsv(text);
  const header = head?.cells ?? [];
  return {
    header,
    rows: body.map((row) => Object.fromEntries(header.map((name, i) => [name, row.cells[i] ?? ""]))),
  };
}

import "server-only";
import { sql, type Expression, type RawBuilder } from "kysely";
import type { RunsDatabase } from "./database";

/** What a remembered id names. */
export type DirectoryNameKind = "operator" | "user" | "group" | "onPremisesUser" | "application";

export interface DirectoryName {
  id: string;
  displayName: string | null;
  upn?: string | null;
  kind: DirectoryNameKind;
}

/**
 * Remembers the names of ids the console just recorded (the caller, the object, the application),
 * so lists show and search names without a Graph call per row. A name left out keeps the one known.
 */
export async function rememberNames(
  db: RunsDatabase,
  names: readonly DirectoryName[],
  now = new Date(),
): Promise<void> {
  const rows = names
    .map((name) => ({
      id: name.id,
      display_name: name.displayName?.trim() || null,
      upn: name.upn?.trim() || null,
      kind: name.kind,
      updated_at: now.toISOString(),
    }))
    .filter((row) => row.id && (row.display_name || row.upn));
  for (const row of rows) {
    await db
      .insertInto("directory_names")
      .values(row)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          display_name: eb.fn.coalesce("excluded.display_name", "directory_names.display_name"),
          upn: eb.fn.coalesce("excluded.upn", "directory_names.upn"),
          kind: eb.ref("excluded.kind"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** The text as a case-insensitive LIKE pattern for "contains" (its own % _ and \ taken literally). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whether the column's text contains the words, case-insensitive. */
export function textContains(column: Expression<string | null>, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${column}) like ${containsPattern(text)} escape '\\'`;
}

/** Whether the id in the column names someone or something remembered by a name or UPN containing the text. */
export function namedLike(idColumn: Expression<string | null>, text: string): RawBuilder<boolean> {
  const pattern = containsPattern(text);
  return sql<boolean>`exists (select 1 from directory_names dn where dn.id = ${idColumn}
    and (lower(dn.display_name) like ${pattern} escape '\\' or lower(dn.upn) like ${pattern} escape '\\'))`;
}

import { z } from "zod";

// Shapes every part of the API shares: ids as the browser sends them, pages, cursors.

/** An opaque id in a body or query (service principal, job and rule ids are not GUIDs). */
export const servicePrincipalIdField = z.string().trim().min(1).max(200);
export const jobIdField = z.string().trim().min(1).max(400);
export const ruleIdField = z.string().trim().min(1).max(400);
export const cursorField = z.string().max(500).optional();

/** A page of a keyset-paginated list; `nextCursor` is null on the last page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };

/** A list answered whole. */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** An ISO 8601 date and time with an offset, normalised to UTC. */
export const isoTimeField = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date and time, e.g. 2026-11-28T09:00:00Z" })
  .transform((t) => new Date(t).toISOString());

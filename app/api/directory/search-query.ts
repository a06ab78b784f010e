import { z } from "zod";

/** ?search= of the directory pickers: optional, trimmed, bounded. */
export const directorySearchQuery = z.object({ search: z.string().trim().max(200).default("") });

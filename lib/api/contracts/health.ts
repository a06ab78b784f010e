import { z } from "zod";

/** GET /api/health */
export const consoleHealth = z.object({
  status: z.literal("ok"),
  mode: z.enum(["demo", "entra"]),
  version: z.string(),
});
export type ConsoleHealth = z.infer<typeof consoleHealth>;

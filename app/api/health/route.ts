import { apiRoute } from "@/lib/api";
import type { ConsoleHealth } from "@/lib/api/contracts";
import { env } from "@/lib/env";
import { consoleVersion } from "@/lib/version";

// GET /api/health – liveness and mode; the one route that needs no sign-in.
export const GET = apiRoute({ role: "public" }, () =>
  Response.json({ status: "ok", mode: env().mode, version: consoleVersion } satisfies ConsoleHealth),
);

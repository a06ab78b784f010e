import "server-only";
import type { ConsoleHealth } from "@/lib/api/contracts";
import { env } from "@/lib/env";
import { consoleVersion } from "@/lib/version";

/** Liveness and mode (needs no services: it answers while the database is still opening). */
export function health(): ConsoleHealth {
  return { status: "ok", mode: env().mode, version: consoleVersion };
}

import { ensureBuild } from "../scripts/build-cache.mjs";

let built: Promise<boolean> | null = null;

/** The console's production build, built first when it is not current (benches measure what ships); checked once a run. */
export async function ensureProductionBuild(): Promise<void> {
  built ??= ensureBuild();
  await built;
}

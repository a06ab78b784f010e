// npm run bench — every benchmark, each printing its figures as ratios to a baseline measured in
// the same run; the figures of issue 19 (script per page, the BFF's share, demo start, peak RSS)
// are printed together again at the end.
import { benchBff } from "./bff";
import { benchBulk } from "./bulk";
import { benchDemoStart } from "./demo-start";
import { benchDemoTenant } from "./demo-tenant";
import { benchFuzzMemory } from "./fuzz-memory";
import { benchHistory } from "./history";
import { benchPacing } from "./pacing";
import { benchPageWeight } from "./page-weight";
import { benchParser } from "./parser";
import { ensureProductionBuild } from "./production-build";
import { printSummary } from "./summary";
import { benchUserPage } from "./user-page";

await ensureProductionBuild();
await benchParser();
await benchDemoTenant();
await benchPacing();
await benchHistory();
const bff = await benchBff();
await benchBulk();
await benchUserPage();
const weights = await benchPageWeight();
const demoStartSeconds = await benchDemoStart();
const peakRssMiB = await benchFuzzMemory();
printSummary({ weights, bff, demoStartSeconds, peakRssMiB });

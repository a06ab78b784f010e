// npm run bench — every benchmark, each printing its figures as ratios to a baseline measured in the same run.
import { benchDemoTenant } from "./demo-tenant";
import { benchPacing } from "./pacing";
import { benchParser } from "./parser";

await benchParser();
await benchDemoTenant();
await benchPacing();

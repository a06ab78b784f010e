// npm run bench — every benchmark, each printing its figures as ratios to a baseline measured in the same run.
import { benchBff } from "./bff";
import { benchBulk } from "./bulk";
import { benchDemoTenant } from "./demo-tenant";
import { benchHistory } from "./history";
import { benchPacing } from "./pacing";
import { benchParser } from "./parser";
import { benchUserPage } from "./user-page";

await benchParser();
await benchDemoTenant();
await benchPacing();
await benchHistory();
await benchBff();
await benchBulk();
await benchUserPage();

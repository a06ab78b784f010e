// npm run bench — every benchmark, each printing its figures as ratios to a baseline measured in the same run.
import { benchParser } from "./parser";

await benchParser();

import { kb, SCRIPT_BUDGET_BYTES, type PageWeight } from "../e2e/page-weight";
import type { BffRow } from "./bff";
import type { PageWeightFigures } from "./page-weight";

interface Figures {
  weights: PageWeightFigures;
  bff: BffRow[];
  demoStartSeconds: number;
  peakRssMiB: number;
}

const verdict = (met: boolean) => (met ? "met" : "NOT met");

/**
 * A share is a difference of percentiles measured apart: below zero it says only that the console
 * added less than the noise of the other two, not a figure.
 */
const share = (ms: number) => (ms < 0 ? "below the noise (< 0)" : `${ms.toFixed(2)} ms`);

function heaviest(weights: PageWeight[]): PageWeight {
  return weights.reduce((a, b) => (b.bytes > a.bytes ? b : a));
}

/** Issue 19's figures against its aims, from this one run. */
export function printSummary({ weights, bff, demoStartSeconds, peakRssMiB }: Figures): void {
  console.log("\nIssue 19 — light and quick, from this run:");
  for (const [mode, list] of [
    ["demo", weights.demo],
    ["Entra", weights.entra],
  ] as const) {
    const worst = heaviest(list);
    console.log(
      `  script, ${mode} mode: heaviest page ${worst.name} ${kb(worst.bytes)} KB gzip (${(worst.bytes / SCRIPT_BUDGET_BYTES).toFixed(2)}× the 200 KB budget; ${verdict(worst.bytes <= SCRIPT_BUDGET_BYTES)})`,
    );
  }
  const search1 = bff.find((row) => row.name === "user search" && row.clients === 1)!;
  const search16 = bff.find((row) => row.name === "user search" && row.clients === 16)!;
  console.log(
    `  BFF share, user search: p50 ${share(search1.share.p50)} with 1 client (aim < 1 ms; ${verdict(search1.share.p50 < 1)}),` +
      ` p99 ${share(search16.share.p99)} with 16 (aim < 3 ms; ${verdict(search16.share.p99 < 3)})`,
  );
  for (const row of bff.filter((r) => r.name === "provisioning run"))
    console.log(
      `  BFF share, provisioning run, ${row.clients} client(s): p50 ${share(row.share.p50)}, p99 ${share(row.share.p99)}`,
    );
  console.log(
    `  npm run demo with a current build: serving in ${demoStartSeconds.toFixed(2)} s (aim < 5 s; ${verdict(demoStartSeconds < 5)})`,
  );
  console.log(
    `  peak RSS under the fuzz load: ${peakRssMiB} MiB (aim ≤ 300 MB; ${verdict(peakRssMiB * 2 ** 20 <= 300e6)})`,
  );
}

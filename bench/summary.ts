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
    `  BFF share, user search: p50 ${search1.share.p50.toFixed(2)} ms with 1 client (aim < 1 ms; ${verdict(search1.share.p50 < 1)}),` +
      ` p99 ${search16.share.p99.toFixed(2)} ms with 16 (aim < 3 ms; ${verdict(search16.share.p99 < 3)})`,
  );
  for (const row of bff.filter((r) => r.name === "provisioning run"))
    console.log(
      `  BFF share, provisioning run, ${row.clients} client(s): p50 ${row.share.p50.toFixed(2)} ms, p99 ${row.share.p99.toFixed(2)} ms`,
    );
  console.log(
    `  npm run demo with a current build: serving in ${demoStartSeconds.toFixed(2)} s (aim < 5 s; ${verdict(demoStartSeconds < 5)})`,
  );
  console.log(
    `  peak RSS under the fuzz load: ${peakRssMiB} MiB (aim ≤ 300 MB; ${verdict(peakRssMiB * 2 ** 20 <= 300e6)})`,
  );
}

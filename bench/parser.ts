import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { fixtureText } from "@/lib/testing/provisioning-fixtures";
import { parseProvisionOnDemandResponse } from "../lib/provisioning";

const WARM_UP_MS = 300;
const BUDGET_MS = 1500;
const ROUNDS = 5;

interface Payload {
  label: string;
  text: string;
}

/** An answer far larger than any real one: 5,000 modified properties and 50 steps of 20 details. */
function syntheticAnswerText(propertyCount = 5000, stepCount = 50): string {
  const kinds = ["Import", "Matching", "Scoping", "Export"];
  const steps = Array.from({ length: stepCount }, (_, i) => ({
    name: `EntryStep${i}`,
    type: kinds[i % kinds.length],
    status: i === stepCount - 1 ? "Skipped" : "Success",
    description: `Step ${i} of the synthetic answer for user 'bench${i}@contoso.com'`,
    timestamp: "2024-03-11T10:01:00.0000000Z",
    details: Object.fromEntries(Array.from({ length: 20 }, (_, j) => [`attribute${j}`, `value ${i}.${j}`])),
  }));
  const modifiedProperties = Array.from({ length: propertyCount }, (_, i) =>
    i % 2 === 0
      ? {
          displayName: `extensionAttribute${i}`,
          oldValue: i % 4 === 0 ? null : `old ${i}`,
          newValue: `new ${i}`,
        }
      : { displayName: `extensionAttribute${i}`, newValue: `new ${i}` },
  );
  const report = {
    action: "Update",
    changeId: "0a1b2c3d-0000-4000-8000-00000000beef",
    reportableIdentifier: "bench@contoso.com",
    startTime: "2024-03-11T10:01:00.0000000Z",
    endTime: "2024-03-11T10:01:09.0000000Z",
    statusInfo: { status: "Success" },
    sourceIdentity: { id: "5c9b1a34-aaaa-4bbb-8ccc-0123456789ab", type: "User" },
    sourceSystem: { name: "Azure Active Directory" },
    targetIdentity: { id: "42", type: "User" },
    targetSystem: { name: "customappsso" },
    provisioningSteps: steps,
    modifiedProperties,
  };
  return JSON.stringify({
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.stringKeyStringValuePair",
    key: JSON.stringify({ result: "Success", details: {} }),
    value: JSON.stringify(report),
  });
}

let sink = 0;

/** The floor: the outer body and the inner key and value, each parsed once and nothing else. */
function bareParses(text: string): void {
  const body = JSON.parse(text) as { key: string; value: string };
  const key: unknown = JSON.parse(body.key);
  const value: unknown = JSON.parse(body.value);
  sink += key === value ? 1 : 0;
}

function fullParse(text: string): void {
  const result = parseProvisionOnDemandResponse(JSON.parse(text));
  sink += result.reports.length;
}

/** The parser's own pass alone: key and value handed over already decoded. */
function decodedOnce(text: string): { key: unknown; value: unknown } {
  const body = JSON.parse(text) as { key: string; value: string };
  return { key: JSON.parse(body.key), value: JSON.parse(body.value) };
}

/** Nanoseconds per call, run in batches so the clock is read rarely. */
function timeFor(run: () => void, budgetMs: number): { calls: number; ns: number } {
  let calls = 0;
  let batch = 1;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(budgetMs * 1e6));
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < batch; i++) run();
    calls += batch;
    now = process.hrtime.bigint();
    if (batch < 1024 && now - start < BigInt(budgetMs * 1e5)) batch *= 2;
  }
  return { calls, ns: Number(now - start) };
}

function opsPerSecond(calls: number, ns: number): number {
  return (calls * 1e9) / ns;
}

function format(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1);
}

/** Parser throughput on Example 2 and a huge synthetic answer, against bare JSON.parse on the same bytes. */
export async function benchParser(): Promise<void> {
  const payloads: Payload[] = [
    { label: "Example 2 (Cloud Sync update)", text: fixtureText("example-2-cloud-sync-update") },
    { label: "synthetic (5,000 modified properties, 50 steps)", text: syntheticAnswerText() },
  ];
  console.log("provisionOnDemand parser benchmark");
  for (const { label, text } of payloads) {
    const bare = () => bareParses(text);
    const full = () => fullParse(text);
    timeFor(bare, WARM_UP_MS);
    timeFor(full, WARM_UP_MS);
    // Alternate the two in short rounds so a busy machine slows both alike.
    const totals = { bare: { calls: 0, ns: 0 }, full: { calls: 0, ns: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of [
        ["bare", bare],
        ["full", full],
      ] as const) {
        const { calls, ns } = timeFor(run, BUDGET_MS / ROUNDS);
        totals[name].calls += calls;
        totals[name].ns += ns;
      }
      await new Promise((done) => setImmediate(done));
    }
    const bareOps = opsPerSecond(totals.bare.calls, totals.bare.ns);
    const fullOps = opsPerSecond(totals.full.calls, totals.full.ns);
    const decoded = decodedOnce(text);
    const walk = () => {
      sink += parseProvisionOnDemandResponse(decoded).reports.length;
    };
    timeFor(walk, WARM_UP_MS);
    const walked = timeFor(walk, BUDGET_MS / ROUNDS);
    const walkOps = opsPerSecond(walked.calls, walked.ns);
    console.log(`\n${label} — ${format(text.length / 1024)} KiB`);
    console.log(`  JSON.parse of body + key + value: ${format(bareOps)} ops/s`);
    console.log(`  JSON.parse + parseProvisionOnDemandResponse: ${format(fullOps)} ops/s`);
    console.log(`  cost ratio parser / bare JSON.parse: ${(bareOps / fullOps).toFixed(2)}× (aim ≤ 3×)`);
    console.log(
      `  parser's own pass on already decoded key/value: ${format(walkOps)} ops/s (${format(1e6 / walkOps)} µs each)`,
    );
  }
  if (sink === -1) console.log("");
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  await benchParser();
}

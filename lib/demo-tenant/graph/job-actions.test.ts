import { beforeEach, describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES, type DemoTenant } from "../index";
import {
  graphTestClient,
  provisionPath,
  userSubjectBody,
  type GraphTestClient,
} from "@/lib/testing/demo-graph-client";

// The job actions as a console sends them, through the HTTP handler only: a quarantine with a
// cause, Test connection, a new token, restart, pause and start.

const { quarantinedApp: tailspin, scimApp: hr, inScopeUser: adele } = DEMO_FIXTURES;
const NOW = new Date("2026-12-01T09:30:00.000Z");
type JobFixture = { spId: string; jobId: string };

let tenant: DemoTenant;
let graph: GraphTestClient;

beforeEach(() => {
  tenant = createDemoTenant({ throttle: false, now: () => NOW });
  graph = graphTestClient(tenant.handle);
});

const jobUrl = (app: { spId: string; jobId: string }, action = "") =>
  `/v1.0/servicePrincipals/${app.spId}/synchronization/jobs/${encodeURIComponent(app.jobId)}${action ? `/${action}` : ""}`;
const testConnection = (app: JobFixture = tailspin) =>
  graph.post(jobUrl(app, "validateCredentials"), { useSavedCredentials: true });
const jobNow = async (app: JobFixture = tailspin) => (await graph.get(jobUrl(app))).json;
const restart = (resetScope: string, app: JobFixture = tailspin) =>
  graph.post(jobUrl(app, "restart"), { criteria: { resetScope } });
/** The app behind Tailspin's job issues `token` (its side of the exchange). */
const appIssues = (token: string) =>
  graph.put(
    `/demo/service-principals/${tailspin.spId}/jobs/${encodeURIComponent(tailspin.jobId)}/target-token`,
    {
      token,
    },
  );
const saveToken = (token: string) =>
  graph.put(`/v1.0/servicePrincipals/${tailspin.spId}/synchronization/secrets`, {
    value: [{ key: "SecretToken", value: token }],
  });

async function provisionAssignedUser(app: { spId: string; jobId: string; ruleId: string }) {
  expect(
    (await graph.put(`/demo/service-principals/${app.spId}/assignments/${adele.id}`)).status,
  ).toBeLessThan(300);
  const answer = await graph.post(provisionPath(app.spId, app.jobId), userSubjectBody(app.ruleId, adele.id));
  expect(answer.status).toBe(200);
  return JSON.parse(answer.json.key) as { result: string };
}

describe("a quarantine with a cause", () => {
  it("Test connection fails on the seeded quarantined job, because its app refuses the saved token", async () => {
    expect((await jobNow()).status.code).toBe("Quarantine");
    const answer = await testConnection();
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("SystemForCrossDomainIdentityManagementCredentialValidationFailure");
    expect(answer.json.error.message).toContain("HTTP 401");
    expect(answer.headers.get("request-id")).toBeTruthy();
    // A job whose app accepts its token passes.
    expect((await testConnection(hr)).status).toBe(204);
  });

  it("passes once the app's new token is saved, and a restart of the quarantine state makes the job Active", async () => {
    expect((await appIssues("tailspin-2026-12")).status).toBe(204);
    expect((await testConnection()).status).toBe(400); // the job still holds the old token
    expect((await saveToken("tailspin-2026-12")).status).toBe(204);
    expect((await testConnection()).status).toBe(204);

    expect((await restart("QuarantineState")).status).toBe(204);
    const job = await jobNow();
    expect(job.status).toMatchObject({
      code: "Active",
      quarantine: null,
      countSuccessiveCompleteFailures: 0,
    });
    expect(job.schedule.state).toBe("Active");
    expect((await provisionAssignedUser(tailspin)).result).toBe("Success");
  });

  it("goes back into quarantine when restarted without a token the app accepts", async () => {
    const before = (await jobNow()).status;
    expect((await restart("QuarantineState")).status).toBe(204);
    const { status } = await jobNow();
    expect(status.code).toBe("Quarantine");
    expect(status.quarantine.currentBegan).toBe("2026-12-01T09:30:00.0000000Z");
    expect(status.quarantine.seriesCount).toBe(1);
    expect(status.quarantine.error.code).toBe(
      "SystemForCrossDomainIdentityManagementCredentialValidationFailure",
    );
    expect(status.lastExecution).toMatchObject({
      state: "Failed",
      timeBegan: "2026-12-01T09:30:00.0000000Z",
    });
    expect(status.lastExecution.activityIdentifier).not.toBe(before.lastExecution.activityIdentifier);
    const cycles = tenant.state().servicePrincipals.get(tailspin.spId)!.jobs[0]!.cycles;
    expect(cycles).toMatchObject([
      { trigger: "restart", resetScope: ["QuarantineState"], outcome: "quarantined" },
    ]);
  });

  it("stays in quarantine, untouched, when the reset leaves the quarantine state", async () => {
    const before = await jobNow();
    expect((await restart("Watermark")).status).toBe(204);
    expect((await jobNow()).status).toEqual(before.status);
  });

  it("the demo's shortcut gives the job a token its app accepts, without answering it", async () => {
    const answer = await graph.post(
      `/demo/service-principals/${tailspin.spId}/jobs/${encodeURIComponent(tailspin.jobId)}/replace-token`,
    );
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    expect((await testConnection()).status).toBe(204);
  });

  it("a reset brings back the seeded tokens: the app refuses the job's token again", async () => {
    await appIssues("tailspin-2026-12");
    await saveToken("tailspin-2026-12");
    expect((await testConnection()).status).toBe(204);
    tenant.reset();
    expect((await testConnection()).status).toBe(400);
    await saveToken("tailspin-2026-12");
    expect((await testConnection()).status).toBe(400); // the app takes its seeded token again
  });
});

describe("pause, start and the reset scopes", () => {
  it("pauses the schedule while provisioning on demand still works, and start resumes it", async () => {
    expect((await graph.post(jobUrl(hr, "pause"))).status).toBe(204);
    let job = await jobNow(hr);
    expect([job.status.code, job.schedule.state]).toEqual(["Paused", "Disabled"]);
    expect((await provisionAssignedUser(hr)).result).toBe("Success");

    expect((await graph.post(jobUrl(hr, "start"))).status).toBe(204);
    job = await jobNow(hr);
    expect([job.status.code, job.schedule.state]).toEqual(["Active", "Active"]);
  });

  it("start clears a quarantine, and the next cycle's check puts it back while the token is refused", async () => {
    expect((await graph.post(jobUrl(tailspin, "start"))).status).toBe(204);
    expect((await jobNow()).status.code).toBe("Quarantine");
    await graph.post(
      `/demo/service-principals/${tailspin.spId}/jobs/${encodeURIComponent(tailspin.jobId)}/replace-token`,
    );
    expect((await graph.post(jobUrl(tailspin, "start"))).status).toBe(204);
    expect((await jobNow()).status).toMatchObject({ code: "Active", quarantine: null });
  });

  it("an escrow reset empties the escrow counts; Full makes the next cycle an initial one", async () => {
    const job = tenant.state().servicePrincipals.get(hr.spId)!.jobs[0]!;
    job.job.status.lastExecution!.countEscrowed = 7;
    expect((await restart("Escrows", hr)).status).toBe(204);
    expect(job.job.status.lastExecution!.countEscrowed).toBe(0);
    expect((await restart("Full", hr)).status).toBe(204);
    expect(job.cycles?.at(-1)).toMatchObject({ resetScope: ["Full"], initial: true, outcome: "running" });
  });

  it("a restart without criteria is the admin center's; an unknown scope is Graph's 400", async () => {
    const bare = await graph.send("POST", jobUrl(hr, "restart"));
    expect(bare.status).toBe(204);
    const job = tenant.state().servicePrincipals.get(hr.spId)!.jobs[0]!;
    expect(job.cycles?.at(-1)?.resetScope).toEqual(["Watermark", "Escrows", "QuarantineState"]);
    const wrong = await restart("Watermark, Everything", hr);
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toContain("'Everything'");
  });

  it("refuses secrets that are not key/value pairs, and a tenant URL that is not one", async () => {
    const url = `/v1.0/servicePrincipals/${tailspin.spId}/synchronization/secrets`;
    expect((await graph.put(url, [{ key: "SecretToken", value: "x" }])).status).toBe(400);
    expect((await graph.put(url, { value: [{ key: "BaseAddress", value: "not a url" }] })).status).toBe(400);
    expect((await graph.post(url, { value: [] })).status).toBe(405);
  });
});

import { expect, test, type APIResponse } from "@playwright/test";
import { ADELE, findJob } from "./demo-fixtures";

// Every route answers a user's mistake with 400 (or 404) in the one error shape, naming what is wrong — never 500.

async function expectError(response: APIResponse, status: number, code: string, mentions?: RegExp) {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string; requestId?: string } };
  expect(body.error.code).toBe(code);
  if (mentions) expect(body.error.message).toMatch(mentions);
  expect(body.error.requestId).toBeTruthy();
}

test("catalog routes name the bad parameter, and unknown ids are 404", async ({ request }) => {
  await expectError(
    await request.get("/api/service-principals?cursor=%%%garbage"),
    400,
    "bad_request",
    /cursor/,
  );
  await expectError(
    await request.get(`/api/service-principals?search=${"x".repeat(201)}`),
    400,
    "bad_request",
    /search/,
  );
  await expectError(
    await request.get("/api/service-principals/00000000-0000-0000-0000-000000000000"),
    404,
    "not_found",
  );
  await expectError(
    await request.get("/api/service-principals/00000000-0000-0000-0000-000000000000/jobs"),
    404,
    "not_found",
  );
  const { servicePrincipalId } = await findJob(request, "Contoso HR Portal (SCIM)");
  await expectError(
    await request.get(
      `/api/service-principals/${servicePrincipalId}/jobs/${encodeURIComponent("scim.no.such#job")}/rules`,
    ),
    404,
    "not_found",
  );
});

test("directory routes name the bad parameter, and unknown groups are 404", async ({ request }) => {
  await expectError(
    await request.get(`/api/directory/users?search=${"a".repeat(300)}`),
    400,
    "bad_request",
    /search/,
  );
  await expectError(
    await request.get(`/api/directory/groups?search=${"a".repeat(300)}`),
    400,
    "bad_request",
    /search/,
  );
  await expectError(await request.get("/api/directory/groups/not-a-group/members"), 404, "not_found");
});

test("POST /api/runs names each invalid field and sends nothing", async ({ request }) => {
  const job = await findJob(request, "Contoso HR Portal (SCIM)");
  await expectError(
    await request.post("/api/runs", {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    }),
    400,
    "bad_request",
    /JSON/,
  );
  await expectError(
    await request.post("/api/runs", { data: "x", headers: { "content-type": "text/plain" } }),
    415,
    "unsupported_media_type",
  );
  await expectError(await request.post("/api/runs", { data: { ...job } }), 400, "bad_request", /subject/);
  await expectError(
    await request.post("/api/runs", {
      data: { ...job, jobId: "", subject: { kind: "user", objectId: ADELE.id } },
    }),
    400,
    "bad_request",
    /jobId/,
  );
  await expectError(
    await request.post("/api/runs", {
      data: { ...job, subject: { kind: "group", objectId: "g", memberIds: ["1", "2", "3", "4", "5", "6"] } },
    }),
    400,
    "bad_request",
    /subject\.memberIds/,
  );
  await expectError(
    await request.post("/api/runs", {
      data: { ...job, subject: { kind: "onPremisesUser", distinguishedName: "Adele Vance" } },
    }),
    400,
    "bad_request",
    /subject\.distinguishedName/,
  );
  await expectError(
    await request.post("/api/runs", { data: { ...job, subject: { kind: "robot", objectId: "x" } } }),
    400,
    "bad_request",
    /subject/,
  );
});

test("a rule the job does not have fails the run with Graph's own error, not the console", async ({
  request,
}) => {
  const job = await findJob(request, "Contoso HR Portal (SCIM)");
  const accepted = await request.post("/api/runs", {
    data: { ...job, ruleId: "no-such-rule#V2", subject: { kind: "user", objectId: ADELE.id } },
  });
  expect(accepted.status()).toBe(202);
  const { id } = (await accepted.json()) as { id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/runs/${id}`)).json()) as { status: string }).status)
    .toBe("failed");
  const run = (await (await request.get(`/api/runs/${id}`)).json()) as {
    error: { code: string; message: string; graphRequestId: string };
  };
  expect(run.error.code).toBe("RequestParameterInvalid");
  expect(run.error.message).toContain("the job does not include the rule");
  expect(run.error.graphRequestId).toBeTruthy();
});

test("history, compare, share, export and audit routes name the bad parameter", async ({ request }) => {
  await expectError(await request.get("/api/runs?outcome=Bogus"), 400, "bad_request", /outcome/);
  await expectError(await request.get("/api/runs?from=yesterday"), 400, "bad_request", /from/);
  await expectError(await request.get("/api/runs?limit=0"), 400, "bad_request", /limit/);
  await expectError(await request.get("/api/runs/compare?a=x"), 400, "bad_request", /b/);
  await expectError(await request.get("/api/runs/no-such-run"), 404, "not_found");
  await expectError(
    await request.get("/api/runs/no-such-run/export?format=xml"),
    400,
    "bad_request",
    /format/,
  );
  await expectError(
    await request.post("/api/runs/no-such-run/shares", { data: { redact: "yes" } }),
    400,
    "bad_request",
    /redact/,
  );
  await expectError(
    await request.post("/api/runs/no-such-run/shares", { data: { redact: true, expiresInDays: 1000 } }),
    400,
    "bad_request",
    /expiresInDays/,
  );
  await expectError(
    await request.post("/api/runs/no-such-run/shares", { data: { redact: true } }),
    404,
    "not_found",
  );
  await expectError(await request.get("/api/shares/no-such-share"), 404, "not_found");
  await expectError(await request.get("/api/audit?limit=abc"), 400, "bad_request", /limit/);
  await expectError(await request.get("/api/runs?reason=not%20a%20code"), 400, "bad_request", /reason/);
  await expectError(await request.get("/api/runs?format=xml"), 400, "bad_request", /format/);
  await expectError(await request.get("/api/audit?action=run.deleted"), 400, "bad_request", /action/);
  await expectError(await request.get("/api/audit?from=yesterday"), 400, "bad_request", /from/);
  await expectError(await request.get(`/api/audit?object=${"x".repeat(201)}`), 400, "bad_request", /object/);
  await expectError(await request.get("/api/audit?app=%20"), 400, "bad_request", /app/);
});

test("demo controls name the bad field", async ({ request }) => {
  await expectError(
    await request.patch(`/api/demo/users/${ADELE.id}`, { data: { accountEnabled: "maybe" } }),
    400,
    "bad_request",
    /accountEnabled/,
  );
  await expectError(
    await request.patch("/api/demo/users/no-such-user", { data: { department: "Sales" } }),
    404,
    "not_found",
  );
});

test("bulk-run routes name what is wrong: limits, subjects by index, sources, actions and unknown ids", async ({
  request,
}) => {
  const job = await findJob(request, "Contoso HR Portal (SCIM)");
  const tooMany = Array.from({ length: 10_001 }, () => ({ kind: "user", objectId: ADELE.id }));
  await expectError(
    await request.post("/api/bulk-runs", { data: { ...job, subjects: tooMany } }),
    400,
    "bad_request",
    /at most 10,000/,
  );
  await expectError(
    await request.post("/api/bulk-runs", {
      data: {
        ...job,
        subjects: [
          { kind: "user", objectId: ADELE.id },
          { kind: "robot", objectId: "x" },
        ],
      },
    }),
    400,
    "bad_request",
    /subjects\[1\]/,
  );
  await expectError(
    await request.post("/api/bulk-runs", { data: { ...job, subjects: [] } }),
    400,
    "bad_request",
    /at least one/,
  );
  await expectError(
    await request.post("/api/bulk-runs/preview", {
      data: { servicePrincipalId: job.servicePrincipalId, jobId: job.jobId, source: { kind: "ldap" } },
    }),
    400,
    "bad_request",
    /source\.kind/,
  );
  await expectError(
    await request.post("/api/bulk-runs/preview", {
      data: {
        servicePrincipalId: job.servicePrincipalId,
        jobId: job.jobId,
        source: { kind: "lines", text: " \n# none" },
      },
    }),
    400,
    "bad_request",
    /at least one id/,
  );
  const unknown = "00000000-0000-0000-0000-00000000b01c";
  await expectError(await request.get(`/api/bulk-runs/${unknown}`), 404, "not_found", /No bulk run/);
  await expectError(await request.get(`/api/bulk-runs/${unknown}/items`), 404, "not_found");
  await expectError(await request.post(`/api/bulk-runs/${unknown}/pause`), 404, "not_found");
  await expectError(
    await request.post(`/api/bulk-runs/${unknown}/explode`),
    404,
    "not_found",
    /pause, resume/,
  );
  await expectError(
    await request.get(`/api/bulk-runs/${unknown}/items?outcome=Bogus`),
    400,
    "bad_request",
    /outcome/,
  );
});

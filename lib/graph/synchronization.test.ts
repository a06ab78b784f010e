import { describe, expect, it } from "vitest";
import { graphErrorJson, instantSleep, NEVER_MS, scriptedGraph } from "@/lib/testing/scripted-graph";
import { createGraphClient } from "./client";
import { isGraphError, NETWORK_ERROR } from "./graph-error";

const BASE = "https://graph.microsoft.com";
// Job ids carry dots, and an id a caller typed may carry anything: every segment is encoded.
const SP = "sp/1";
const JOB = "scim.4b8c.4ba2 x";
const JOB_PATH = "/v1.0/servicePrincipals/sp%2F1/synchronization/jobs/scim.4b8c.4ba2%20x";

const noContent = (requestId = "graph-request-1") =>
  new Response(null, { status: 204, headers: { "request-id": requestId } });

function clientAnswering(reply: () => Response | Promise<Response>) {
  const graph = scriptedGraph(() => reply());
  const { sleep } = instantSleep();
  const client = createGraphClient({
    baseUrl: BASE,
    fetch: graph.fetch,
    sleep,
    timeouts: { actionMs: NEVER_MS },
    random: () => 0,
  });
  return { client, seen: graph.seen };
}

describe("job actions", () => {
  it("sends each action as Graph documents it, with the ids encoded, and keeps Graph's request id", async () => {
    const { client, seen } = clientAnswering(() => noContent());
    expect(await client.validateSavedCredentials(SP, JOB)).toMatchObject({
      status: 204,
      requestId: "graph-request-1",
    });
    await client.saveSecretToken(SP, "t0ken");
    await client.restartJob(SP, JOB, "QuarantineState");
    await client.pauseJob(SP, JOB);
    await client.startJob(SP, JOB);
    expect(seen.map((r) => [r.method, r.url.pathname, r.body])).toEqual([
      ["POST", `${JOB_PATH}/validateCredentials`, { useSavedCredentials: true }],
      [
        "PUT",
        "/v1.0/servicePrincipals/sp%2F1/synchronization/secrets",
        { value: [{ key: "SecretToken", value: "t0ken" }] },
      ],
      ["POST", `${JOB_PATH}/restart`, { criteria: { resetScope: "QuarantineState" } }],
      ["POST", `${JOB_PATH}/pause`, undefined],
      ["POST", `${JOB_PATH}/start`, undefined],
    ]);
  });

  it("fails with Graph's code, message and request id when Graph refuses", async () => {
    const { client } = clientAnswering(() =>
      graphErrorJson(
        400,
        "SystemForCrossDomainIdentityManagementCredentialValidationFailure",
        "401 from app",
        {
          "request-id": "refused-1",
        },
      ),
    );
    const error = await client.validateSavedCredentials(SP, JOB).catch((e: unknown) => e);
    expect(isGraphError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 400,
      code: "SystemForCrossDomainIdentityManagementCredentialValidationFailure",
      message: "401 from app",
      requestId: "refused-1",
    });
  });

  it("sends a restart once when Graph cannot be reached, but tries a pause again", async () => {
    let calls = 0;
    const { client } = clientAnswering(() => {
      calls += 1;
      throw new TypeError("socket hang up");
    });
    const restart = await client.restartJob(SP, JOB, "Full").catch((e: unknown) => e);
    expect(restart).toMatchObject({ code: NETWORK_ERROR });
    expect(calls).toBe(1);
    calls = 0;
    await client.pauseJob(SP, JOB).catch(() => undefined);
    expect(calls).toBe(4);
  });

  it("refuses an empty id before calling Graph", async () => {
    const { client, seen } = clientAnswering(() => noContent());
    await expect(client.startJob(SP, " ")).rejects.toThrow(/job id/);
    expect(seen).toHaveLength(0);
  });
});

import { describe, expect, it } from "vitest";
import type { BulkService } from "@/lib/bulk";
import { GraphError, type GraphClient } from "@/lib/graph";
import { actOnBulkRun, createBulkRun, exportBulkRun, getBulkRun, previewBulkRun } from "./bulk";
import type { SignIns } from "./sign-ins";

const caller = { id: "alice", displayName: "Alice", roles: [] };
const limits = { maxObjects: 10_000, activePerJob: 1, pace: { limit: 5, windowMs: 10_000 } };

function fakes(graph: Partial<GraphClient> = {}, bulk: Partial<BulkService> = {}) {
  const remembered: string[] = [];
  const created: unknown[] = [];
  const signIns: SignIns = { remember: (c) => void remembered.push(c.id), graphForActor: () => null };
  const service = {
    limits,
    create: async (input: unknown) => {
      created.push(input);
      return { id: "bulk-1" };
    },
    get: async (id: string) => (id === "bulk-1" ? ({ id } as never) : null),
    act: async (id: string, action: string) => ({ id, status: action }) as never,
    allItems: async function* () {},
    ...bulk,
  } as unknown as BulkService;
  return { services: { graphFor: () => graph as GraphClient, bulk: service, signIns }, remembered, created };
}

describe("bulk facade", () => {
  it("leaves the operator's sign-in for the worker on every request", async () => {
    const { services, remembered } = fakes({
      getServicePrincipal: async (id) => ({ id, appId: null, displayName: "HR" }),
    });
    const request = { servicePrincipalId: "sp", jobId: "j", ruleId: "r", subjects: [] };
    await createBulkRun(services, caller, request);
    await getBulkRun(services, caller, "bulk-1");
    await actOnBulkRun(services, caller, "bulk-1", "pause");
    expect(remembered).toEqual(["alice", "alice", "alice"]);
  });

  it("labels a new bulk run with the application's name, or none when Graph will not say", async () => {
    const named = fakes({
      getServicePrincipal: async (id) => ({ id, appId: null, displayName: "Contoso HR" }),
    });
    const request = { servicePrincipalId: "sp", jobId: "j", ruleId: "r", subjects: [] };
    expect(await createBulkRun(named.services, caller, request)).toEqual({ id: "bulk-1" });
    expect(named.created[0]).toMatchObject({ actor: "alice", applicationLabel: "Contoso HR" });
    const refused = fakes({
      getServicePrincipal: () =>
        Promise.reject(new GraphError({ status: 403, code: "Denied", message: "no" })),
    });
    await createBulkRun(refused.services, caller, request);
    expect(refused.created[0]).toMatchObject({ applicationLabel: null });
  });

  it("previews pasted lines with the least time at the pace, a missing group being a reason, not a failure", async () => {
    const { services } = fakes({
      findUserByPrincipalName: async (upn) =>
        upn === "adele@contoso.com"
          ? { id: "u-1", displayName: "Adele", userPrincipalName: upn, mail: null }
          : null,
      getGroup: () =>
        Promise.reject(new GraphError({ status: 404, code: "Request_ResourceNotFound", message: "x" })),
    });
    const text = ["adele@contoso.com", "00000000-0000-0000-0000-000000000001"].join("\n");
    const preview = await previewBulkRun(services, caller, {
      servicePrincipalId: "sp",
      jobId: "j",
      source: { kind: "lines", text },
    });
    expect(preview.subjects).toEqual([
      { subject: { kind: "user", objectId: "u-1" }, label: "adele@contoso.com" },
    ]);
    expect(preview.unresolved).toHaveLength(1);
    expect(preview.unresolved[0]).toMatchObject({ line: 2 });
    expect(preview.limits).toBe(limits);
    expect(preview.estimatedMs).toBe(0);
  });

  it("answers 404 for a bulk run it does not have, to read or to export", async () => {
    const { services } = fakes();
    await expect(getBulkRun(services, caller, "nope")).rejects.toMatchObject({ status: 404 });
    await expect(exportBulkRun(services, "nope")).rejects.toMatchObject({
      status: 404,
      message: "No bulk run has the id nope.",
    });
    const download = await exportBulkRun(services, "bulk-1");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="bulk-run-bulk-1.csv"');
  });
});

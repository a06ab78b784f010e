import { describe, expect, it } from "vitest";
import { appList, jobList, ruleList, servicePrincipalDetail } from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import { GraphError, type GraphClient, type ProvisioningApp, type SynchronizationJob } from "@/lib/graph";
import { getApplication, listJobs, listProvisioningApps, listRules } from "./catalog";

const caller = { id: "alice", displayName: "Alice", roles: [] };

/** Services whose Graph is a fake holding only what a test gives it. */
function servicesWith(graph: Partial<GraphClient>) {
  return { graphFor: () => graph as GraphClient };
}

const app = (n: number): ProvisioningApp => ({
  id: `sp-${n}`,
  appId: n % 2 ? `app-${n}` : null,
  displayName: n % 3 ? `App ${n}` : null,
  tags: [],
  jobs: [{ id: `job-${n}`, status: { code: n === 1 ? "Quarantine" : "Active" } } as SynchronizationJob],
});

describe("catalog facade", () => {
  it("pages the discovered applications 50 at a time with a cursor it also reads back", async () => {
    const services = servicesWith({
      discoverProvisioningApps: async () =>
        ({ items: Array.from({ length: 60 }, (_, i) => app(i + 1)) }) as never,
    });
    const first = await listProvisioningApps(services, caller, {});
    expect(appList.parse(first)).toEqual(first);
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toEqual({
      id: "sp-1",
      appId: "app-1",
      displayName: "App 1",
      jobCount: 1,
      jobStatuses: ["Quarantine"],
    });
    // An app without a name or appId still has something to show.
    expect(first.items[2]).toMatchObject({ displayName: "sp-3", appId: "app-3" });
    expect(first.items[1]).toMatchObject({ appId: "" });
    const second = await listProvisioningApps(services, caller, { cursor: first.nextCursor! });
    expect(second.items.map((a) => a.id)).toEqual(Array.from({ length: 10 }, (_, i) => `sp-${51 + i}`));
    expect(second.nextCursor).toBeNull();
  });

  it("answers a cursor it did not issue with 400 naming the cursor", async () => {
    const services = servicesWith({ discoverProvisioningApps: async () => ({ items: [] }) as never });
    const error = await listProvisioningApps(services, caller, { cursor: "bm90LWEtY3Vyc29y" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: expect.stringMatching(/^cursor: /) });
  });

  it("names one application from its service principal, and says when there is none", async () => {
    const seen: string[] = [];
    const services = servicesWith({
      getServicePrincipal: async (id: string) => {
        seen.push(id);
        if (id !== "sp-hr")
          throw new GraphError({ status: 404, code: "Request_ResourceNotFound", message: "gone" });
        return { id, appId: null, displayName: "HR Portal" };
      },
    });
    const found = await getApplication(services, caller, "sp-hr");
    expect(servicePrincipalDetail.parse(found)).toEqual({ id: "sp-hr", appId: "", displayName: "HR Portal" });
    const missing = await getApplication(services, caller, "sp-none").catch((e) => e);
    expect(missing).toMatchObject({ code: "not_found", message: "No application has the id sp-none." });
    expect(seen).toEqual(["sp-hr", "sp-none"]);
  });

  it("keeps another Graph failure as it is, for the route to map", async () => {
    const refused = new GraphError({ status: 403, code: "Authorization_RequestDenied", message: "no" });
    const services = servicesWith({
      getServicePrincipal: async () => {
        throw refused;
      },
    });
    await expect(getApplication(services, caller, "sp-hr")).rejects.toBe(refused);
  });

  it("describes quarantine only for a job whose status says Quarantine", async () => {
    const quarantine = {
      reason: "EncounteredQuarantineException",
      currentBegan: "2026-11-27T08:00:00Z",
      nextAttempt: "",
      seriesCount: 3,
      error: { code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable" },
    };
    const services = servicesWith({
      listJobs: async () => [
        { id: "a", templateId: "scim", status: { code: "Quarantine", quarantine } },
        { id: "b", status: { code: "Active", quarantine }, schedule: { interval: "PT40M" } },
      ],
    });
    const { items } = await listJobs(services, caller, "sp");
    expect(jobList.parse({ items }).items).toHaveLength(2);
    expect(items[0]!.quarantine).toEqual({
      reason: "EncounteredQuarantineException",
      currentBegan: "2026-11-27T08:00:00Z",
      nextAttempt: null,
      seriesCount: 3,
      error: { code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable", message: null },
    });
    expect(items[1]).toMatchObject({
      templateId: "",
      quarantine: null,
      schedule: { interval: "PT40M", state: null, expiration: null },
    });
  });

  it("labels each job by what tells it apart, and still lists a job whose schema cannot be read", async () => {
    const rules = (objectTypes: string[]) => [
      {
        id: "r",
        name: "USERGROUP_OUTBOUND_USERGROUP",
        sourceDirectoryName: "Azure Active Directory",
        targetDirectoryName: "customappsso",
        supportsProvisionOnDemand: true,
        objectTypes,
      },
    ];
    const services = servicesWith({
      listJobs: async () => [
        { id: "scim.t.1", templateId: "scim", status: { code: "Active" } },
        { id: "scim.t.2", templateId: "scim", status: { code: "Active" } },
        { id: "scim.t.3", templateId: "scim", status: { code: "Active" } },
      ],
      listRules: async (_sp: string, jobId: string) => {
        if (jobId === "scim.t.3") throw new GraphError({ status: 403, code: "Denied", message: "no" });
        return rules(jobId === "scim.t.1" ? ["User", "Group"] : ["User"]);
      },
    });
    const { items } = await listJobs(services, caller, "sp");
    expect(jobList.parse({ items }).items.map((job) => job.label)).toEqual([
      "job 1 of 3 · SCIM → customappsso · maps User and Group",
      "job 2 of 3 · SCIM → customappsso · maps User",
      "job 3 of 3 · SCIM",
    ]);
    expect(items[1]!.schema).toEqual({
      sourceDirectoryName: "Azure Active Directory",
      targetDirectoryName: "customappsso",
      objectTypes: ["User"],
    });
    expect(items[2]!.schema).toBeNull();
  });

  it("lists a job's rules with empty directory names rather than missing ones", async () => {
    const services = servicesWith({
      listRules: async () => [
        {
          id: "r1",
          name: "USER",
          sourceDirectoryName: null,
          targetDirectoryName: "AD",
          supportsProvisionOnDemand: true,
          objectTypes: ["user"],
        },
      ],
    });
    const answer = await listRules(services, caller, "sp", "job");
    expect(ruleList.parse(answer).items[0]).toMatchObject({
      sourceDirectoryName: "",
      targetDirectoryName: "AD",
    });
  });
});

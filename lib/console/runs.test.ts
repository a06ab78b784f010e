import { describe, expect, it } from "vitest";
import { runAccepted } from "@/lib/api/contracts";
import type { GraphClient } from "@/lib/graph";
import type { RunInput, RunService } from "@/lib/runs/run-service";
import { exportRun, getRun, requestRun, runLabels } from "./runs";

const caller = { id: "alice", displayName: "Alice", roles: [] };
const userRequest = {
  servicePrincipalId: "sp-hr",
  jobId: "scim.1",
  ruleId: "rule",
  subject: { kind: "user" as const, objectId: "u-1" },
};

/** A run service that records what it is asked and answers with one queued run. */
function recordingRuns() {
  const inputs: RunInput[] = [];
  const runs: RunService = {
    async request(input) {
      inputs.push(input);
      return { id: "run-1", status: "queued", created: true };
    },
    async get(id) {
      return id === "run-1"
        ? ({
            id,
            status: "completed",
            request: userRequest,
            labels: { application: "HR", subject: "adele@contoso.com" },
            result: null,
          } as never)
        : null;
    },
    async settled() {
      return undefined;
    },
    async resumeQueued() {
      return 0;
    },
  };
  return { runs, inputs };
}

type LabelGraph = Pick<
  GraphClient,
  "getServicePrincipal" | "getUser" | "getGroup" | "listJobs" | "listRules"
>;

const scimJob = (id: string) => ({ id, templateId: "scim", schedule: { interval: "PT40M" } });
const scimRules = (objectTypes: string[]) => [
  {
    id: "rule",
    name: "USERGROUP_OUTBOUND_USERGROUP",
    sourceDirectoryName: "Azure Active Directory",
    targetDirectoryName: "customappsso",
    supportsProvisionOnDemand: true,
    objectTypes,
  },
];

const directory: LabelGraph = {
  getServicePrincipal: async (id) => ({ id, appId: null, displayName: "Contoso HR Portal" }),
  getUser: async (id) => ({
    id,
    displayName: "Adele Vance",
    userPrincipalName: "AdeleV@contoso.com",
    mail: null,
  }),
  getGroup: async (id) => ({ id, displayName: "Sales Team EMEA" }),
  listJobs: async () => [scimJob("scim.1")],
  listRules: async () => scimRules(["User", "Group"]),
};

describe("runs facade", () => {
  it("stores the run as the caller, with their idempotency key and Graph, and answers only id and status", async () => {
    const { runs, inputs } = recordingRuns();
    const graph = directory as GraphClient;
    const accepted = await requestRun({ runs, graphFor: () => graph }, caller, userRequest, "key-1");
    expect(runAccepted.strict().parse(accepted)).toEqual({ id: "run-1", status: "queued" });
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ request: userRequest, actor: "alice", idempotencyKey: "key-1" });
    expect(inputs[0]!.graph).toBe(graph);
    expect(inputs[0]!.actorName).toBe(caller.displayName);
    expect(await inputs[0]!.labeler!()).toEqual({
      application: "Contoso HR Portal",
      subject: "AdeleV@contoso.com",
      job: "SCIM → customappsso",
      subjectName: { displayName: "Adele Vance", upn: "AdeleV@contoso.com" },
    });
  });

  it("labels the job by what tells it apart from the application's other jobs", async () => {
    const twoJobs: LabelGraph = {
      ...directory,
      listJobs: async () => [scimJob("scim.1"), scimJob("scim.2")],
      listRules: async (_sp, jobId) => scimRules(jobId === "scim.2" ? ["User"] : ["User", "Group"]),
    };
    expect((await runLabels(twoJobs, { ...userRequest, jobId: "scim.2" })).job).toBe(
      "job 2 of 2 · SCIM → customappsso · maps User",
    );
    expect((await runLabels(twoJobs, { ...userRequest, jobId: "scim.9" })).job).toBeNull();
  });

  it("labels a group with its member count and an on-premises user by the DN, without asking Graph for it", async () => {
    const group = {
      ...userRequest,
      subject: { kind: "group" as const, objectId: "g", memberIds: ["a", "b"] },
    };
    expect((await runLabels(directory, group)).subject).toBe("Sales Team EMEA (+2 members)");
    const dn = "CN=Adele Vance,OU=Users,DC=contoso,DC=com";
    const noUsers = { ...directory, getUser: () => Promise.reject(new Error("not asked")) };
    const onPremises = {
      ...userRequest,
      subject: { kind: "onPremisesUser" as const, distinguishedName: dn },
    };
    expect((await runLabels(noUsers, onPremises)).subject).toBe(dn);
  });

  it("costs only the label when a look-up fails", async () => {
    const failing = {
      getServicePrincipal: () => Promise.reject(new Error("403")),
      getUser: () => Promise.reject(new Error("404")),
      getGroup: () => Promise.reject(new Error("404")),
      listJobs: () => Promise.reject(new Error("403")),
      listRules: () => Promise.reject(new Error("403")),
    };
    expect(await runLabels(failing, userRequest)).toEqual({
      application: null,
      subject: null,
      job: null,
      subjectName: null,
    });
  });

  it("answers 404 naming the run it does not have", async () => {
    const { runs } = recordingRuns();
    await expect(getRun({ runs }, "nope")).rejects.toMatchObject({
      status: 404,
      message: "No run with id nope.",
    });
  });

  it("downloads a run as a named JSON or CSV file", async () => {
    const { runs } = recordingRuns();
    const json = await exportRun({ runs }, "run-1", "json");
    expect(json.headers.get("content-disposition")).toBe(
      'attachment; filename="provisioning-run-run-1.json"',
    );
    expect(JSON.parse(await json.text()).run.labels.subject).toBe("adele@contoso.com");
    const csv = await exportRun({ runs }, "run-1", "csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n")[0]).toMatch(/^run_id,application,application_id,job,/);
  });
});

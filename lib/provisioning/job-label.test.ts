import { describe, expect, it } from "vitest";
import { labelJobs, templateLabel, type JobFacts } from "./job-label";

const scim = (id: string, objectTypes: string[], interval = "PT40M", target = "customappsso"): JobFacts => ({
  id,
  templateId: "scim",
  interval,
  schema: { sourceDirectoryName: "Azure Active Directory", targetDirectoryName: target, objectTypes },
});

describe("labelJobs", () => {
  it("names an application's only job by its template and target directory", () => {
    expect(labelJobs([scim("scim.t.a", ["User", "Group"])])).toEqual(["SCIM → customappsso"]);
    expect(
      labelJobs([
        {
          id: "AD2AADProvisioning.t.c",
          templateId: "AD2AADProvisioning",
          interval: "PT2M",
          schema: {
            sourceDirectoryName: "Active Directory",
            targetDirectoryName: "Azure Active Directory",
            objectTypes: ["user"],
          },
        },
      ]),
    ).toEqual(["Cloud Sync → Azure Active Directory"]);
  });

  it("tells two alike jobs apart by what they map, and numbers them", () => {
    expect(labelJobs([scim("scim.t.a", ["User", "Group"]), scim("scim.t.b", ["User"])])).toEqual([
      "job 1 of 2 · SCIM → customappsso · maps User and Group",
      "job 2 of 2 · SCIM → customappsso · maps User",
    ]);
  });

  it("adds only what differs: different targets need nothing more than the number", () => {
    expect(
      labelJobs([
        scim("scim.t.a", ["User"], "PT40M", "learning-hub"),
        scim("scim.t.b", ["User"], "PT1H", "learning-archive"),
      ]),
    ).toEqual(["job 1 of 2 · SCIM → learning-hub", "job 2 of 2 · SCIM → learning-archive"]);
  });

  it("falls back to the schedule, then to the end of the id, when nothing else differs", () => {
    expect(labelJobs([scim("scim.t.a", ["User"], "PT40M"), scim("scim.t.b", ["User"], "PT20M")])).toEqual([
      "job 1 of 2 · SCIM → customappsso · every 40 minutes",
      "job 2 of 2 · SCIM → customappsso · every 20 minutes",
    ]);
    expect(
      labelJobs([
        scim("scim.t.8e8f9f2e-6ba5-4ce2-a119-a34e852ac408", ["User"]),
        scim("scim.t.8d1d24a5-0481-41fe-9f01-b9f0e8f3de44", ["User"]),
      ]),
    ).toEqual([
      "job 1 of 2 · SCIM → customappsso · id …852ac408",
      "job 2 of 2 · SCIM → customappsso · id …e8f3de44",
    ]);
  });

  it("still names a job whose schema could not be read, or that has no template", () => {
    expect(labelJobs([{ id: "x.1", templateId: null, interval: null, schema: null }])).toEqual(["Job"]);
    expect(labelJobs([{ id: "x.1", templateId: "BoxOutDelta", interval: null, schema: null }])).toEqual([
      "BoxOutDelta",
    ]);
  });
});

describe("templateLabel", () => {
  it("reads known templates in any letter case and keeps unknown ones as given", () => {
    expect(templateLabel("ad2aadprovisioning")).toBe("Cloud Sync: Active Directory to Microsoft Entra ID");
    expect(templateLabel("scim")).toBe("SCIM provisioning");
    expect(templateLabel("ServiceNowOutDelta")).toBe("ServiceNowOutDelta");
  });
});

import { describe, expect, it } from "vitest";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { createGraphClient } from "./client";
import { synchronizationSchemaSchema } from "./graph-schemas";
import { rulesOfSchema } from "./synchronization-rules";

// Shaped like the schema Graph returns for a SCIM gallery app (trimmed to what rules need).
const schemaAnswer = {
  "@odata.context":
    "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('x')/synchronization/jobs('y')/schema/$entity",
  id: "scim",
  version: "Date:2024-05-01T10:00:00Z~###~Version:12",
  directories: [],
  synchronizationRules: [
    {
      id: "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
      name: "USERGROUP_OUTBOUND_USERGROUP",
      sourceDirectoryName: "Azure Active Directory",
      targetDirectoryName: "customappsso",
      editable: true,
      metadata: [
        { key: "defaultSourceObjectMappings", value: "[]" },
        { key: "SupportsProvisionOnDemand", value: "True" },
      ],
      objectMappings: [
        {
          enabled: true,
          name: "Provision Azure Active Directory Users",
          sourceObjectName: "User",
          targetObjectName: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        },
        {
          enabled: true,
          name: "Provision Azure Active Directory Groups",
          sourceObjectName: "Group",
          targetObjectName: "urn:ietf:params:scim:schemas:core:2.0:Group",
        },
        {
          enabled: false,
          name: "Provision contacts",
          sourceObjectName: "Contact",
          targetObjectName: "Contact",
        },
        { enabled: true, name: "Users again", sourceObjectName: "user", targetObjectName: "User" },
      ],
    },
    {
      id: "rule-without-pod",
      name: "",
      sourceDirectoryName: "Azure Active Directory",
      targetDirectoryName: "customappsso",
      metadata: [{ key: "supportsProvisionOnDemand", value: "false" }],
      objectMappings: [],
    },
    { id: "bare-rule" },
  ],
};

describe("rules from a synchronization schema", () => {
  it("reads support for provisioning on demand and the enabled source object types", () => {
    const rules = rulesOfSchema(synchronizationSchemaSchema.parse(schemaAnswer));
    expect(rules).toEqual([
      {
        id: "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
        name: "USERGROUP_OUTBOUND_USERGROUP",
        sourceDirectoryName: "Azure Active Directory",
        targetDirectoryName: "customappsso",
        supportsProvisionOnDemand: true,
        objectTypes: ["User", "Group"],
      },
      {
        id: "rule-without-pod",
        name: "rule-without-pod",
        sourceDirectoryName: "Azure Active Directory",
        targetDirectoryName: "customappsso",
        supportsProvisionOnDemand: false,
        objectTypes: [],
      },
      {
        id: "bare-rule",
        name: "bare-rule",
        sourceDirectoryName: null,
        targetDirectoryName: null,
        supportsProvisionOnDemand: false,
        objectTypes: [],
      },
    ]);
  });

  it("reads the rules of the demo tenant's jobs through Graph", async () => {
    const client = createGraphClient({
      fetch: createDemoTenant().handle,
      baseUrl: "https://graph.microsoft.com",
    });
    const { cloudSync, twoJobApp } = DEMO_FIXTURES;
    const cloudRules = await client.listRules(cloudSync.spId, cloudSync.jobId);
    expect(cloudRules.find((r) => r.id === cloudSync.ruleId)).toMatchObject({
      supportsProvisionOnDemand: true,
    });
    const archive = twoJobApp.jobs[1];
    const archiveRules = await client.listRules(twoJobApp.spId, archive.jobId);
    expect(archiveRules.map((r) => r.id)).toContain(archive.ruleId);
    const jobs = await client.listJobs(twoJobApp.spId);
    expect(jobs.map((j) => j.id).sort()).toEqual(twoJobApp.jobs.map((j) => j.jobId).sort());
    expect((await client.getJob(cloudSync.spId, cloudSync.jobId)).id).toBe(cloudSync.jobId);
  });
});

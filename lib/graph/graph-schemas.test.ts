import { describe, expect, it } from "vitest";
import {
  collectionSchema,
  synchronizationJobSchema,
  synchronizationSchemaSchema,
  userSchema,
} from "./graph-schemas";
import { rulesOfSchema } from "./synchronization-rules";

// The example answers of Graph's reference pages for the endpoints the console calls
// (/shared/reference/graph-synchronization-samples.md), read with the console's own schemas.

/** GET …/jobs/{jobId}/schema, as the v1.0 page shows it: rules without ids, `{}` placeholders. */
const SCHEMA_EXAMPLE = {
  directories: [
    {
      name: "Azure Active Directory",
      objects: [{ name: "User", attributes: [{ name: "userPrincipalName", type: "string" }] }],
    },
    { name: "Salesforce", objects: [{}] },
  ],
  synchronizationRules: [
    {
      name: "USER_TO_USER",
      sourceDirectoryName: "Azure Active Directory",
      targetDirectoryName: "Salesforce",
      objectMappings: [
        {
          sourceObjectName: "User",
          targetObjectName: "User",
          attributeMappings: [{ source: {}, targetAttributeName: "userName" }, {}],
        },
        {},
      ],
    },
    {},
  ],
};

/** GET …/jobs/{jobId}, v1.0 page: a paused job with a quarantine whose times are empty strings. */
const JOB_EXAMPLE = {
  id: "{jobId}",
  templateId: "BoxOutDelta",
  schedule: { expiration: null, interval: "P10675199DT2H48M5.4775807S", state: "Disabled" },
  status: {
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    synchronizedEntryCountByType: [],
    code: "Paused",
    lastExecution: null,
    lastSuccessfulExecution: null,
    progress: [],
    lastSuccessfulExecutionWithExports: null,
    steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z",
    steadyStateLastAchievedTime: "0001-01-01T00:00:00Z",
    quarantine: {
      currentBegan: "",
      nextAttempt: "",
      reason: "",
      seriesBegan: "",
      seriesCount: 2,
      error: {
        code: "SalesforceInvalidCredentials",
        message: "Your Salesforce.com credentials are invalid.",
        tenantActionable: true,
      },
    },
    troubleshootingUrl: null,
  },
  synchronizationJobSettings: [{ name: "QuarantineTooManyDeletesThreshold", value: "500" }],
};

/** GET …/jobs, v1.0 page (without the page's trailing comma after "quarantine": null, which no JSON parser reads). */
const JOB_LIST_EXAMPLE = {
  value: [
    {
      id: "{jobId}",
      templateId: "BoxOutDelta",
      schedule: { expiration: null, interval: "P10675199DT2H48M5.4775807S", state: "Disabled" },
      status: {
        countSuccessiveCompleteFailures: 0,
        escrowsPruned: false,
        synchronizedEntryCountByType: [],
        code: "Paused",
        lastExecution: null,
        lastSuccessfulExecution: null,
        lastSuccessfulExecutionWithExports: null,
        steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z",
        steadyStateLastAchievedTime: "0001-01-01T00:00:00Z",
        quarantine: null,
      },
    },
  ],
};

/** POST …/jobs {"templateId":"aws"}, from the provisioning concept page: a job not yet configured. */
const NEW_JOB_EXAMPLE = {
  id: "{jobId}",
  templateId: "aws",
  schedule: { expiration: null, interval: "P10675199DT2H48M5.4775807S", state: "Disabled" },
  status: {
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    synchronizedEntryCountByType: [],
    code: "NotConfigured",
    lastExecution: null,
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z",
    steadyStateLastAchievedTime: "0001-01-01T00:00:00Z",
    quarantine: null,
    troubleshootingUrl: null,
  },
};

/** POST …/jobs {"templateId":"AD2AADProvisioning"}, Cloud Sync's Graph page, with its @odata.context. */
const CLOUD_SYNC_JOB_EXAMPLE = {
  "@odata.context":
    "https://graph.microsoft.com/beta/$metadata#servicePrincipals('aaaaaaaa-0000-1111-2222-bbbbbbbbbbbbc')/synchronization/jobs/$entity",
  id: "AD2AADProvisioning.fc96887f36da47508c935c28a0c0b6da",
  templateId: "ADDCInPassthrough",
  schedule: { expiration: null, interval: "PT40M", state: "Disabled" },
  status: {
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    code: "Paused",
    lastExecution: null,
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    quarantine: null,
    steadyStateFirstAchievedTime: "0001-01-01T00:00:00Z",
    steadyStateLastAchievedTime: "0001-01-01T00:00:00Z",
    troubleshootingUrl: null,
    progress: [],
    synchronizedEntryCountByType: [{ key: "user to User", value: 231 }],
  },
};

describe("the console reads Graph's documented answers", () => {
  it("reads the schema example: the rules it can use (none have an id there) and nothing fails", () => {
    const parsed = synchronizationSchemaSchema.safeParse(SCHEMA_EXAMPLE);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.synchronizationRules).toEqual([]);
    expect(rulesOfSchema(parsed.data!)).toEqual([]);
    expect(parsed.data?.directories).toEqual(SCHEMA_EXAMPLE.directories);
  });

  it("keeps a usable rule beside unusable ones, with its `{}` mapping placeholders left out", () => {
    const withId = {
      ...SCHEMA_EXAMPLE,
      synchronizationRules: [{ ...SCHEMA_EXAMPLE.synchronizationRules[0], id: "rule-1" }, {}],
    };
    const rules = rulesOfSchema(synchronizationSchemaSchema.parse(withId));
    expect(rules).toEqual([
      expect.objectContaining({ id: "rule-1", name: "USER_TO_USER", objectTypes: ["User"] }),
    ]);
  });

  it.each([
    ["the job", JOB_EXAMPLE, "Paused"],
    ["a new job from a template", NEW_JOB_EXAMPLE, "NotConfigured"],
    ["a Cloud Sync job, entry counts as numbers", CLOUD_SYNC_JOB_EXAMPLE, "Paused"],
  ])("reads %s", (_name, example, code) => {
    const job = synchronizationJobSchema.parse(example);
    expect(job.status?.code).toBe(code);
    expect(job.status).toEqual(
      expect.objectContaining({ synchronizedEntryCountByType: example.status.synchronizedEntryCountByType }),
    );
  });

  it("reads the job list", () => {
    const list = collectionSchema(synchronizationJobSchema).parse(JOB_LIST_EXAMPLE);
    expect(list.value.map((job) => job.templateId)).toEqual(["BoxOutDelta"]);
  });

  it("leaves a user without an id out of a list instead of failing the page", () => {
    const page = collectionSchema(userSchema).parse({
      value: [{ displayName: "Conf Room" }, { id: "u-1", displayName: "Adele Vance" }],
    });
    expect(page.value.map((u) => u.id)).toEqual(["u-1"]);
  });

  it("reads a metadata value sent as a boolean, as its text", () => {
    const schema = synchronizationSchemaSchema.parse({
      synchronizationRules: [{ id: "r", metadata: [{ key: "supportsProvisionOnDemand", value: true }] }],
    });
    expect(rulesOfSchema(schema)[0]?.supportsProvisionOnDemand).toBe(true);
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { scimAppSchema } from "../seed/schemas";
import { directoryUser, engineHarness, scimJob } from "@/lib/testing/engine-tenant";

// Graph's Example 1 (a user already in sync with a SCIM app), as published.
const example = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../provisioning/fixtures/example-1-scim-user-skipped.json", import.meta.url)),
    "utf8",
  ),
) as { key: string; value: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What must be identical: field names and order, step order, names, types, statuses and detail keys. */
function structureOf(answer: { key: string; value: string }) {
  const key = JSON.parse(answer.key) as { [k: string]: Json };
  const value = JSON.parse(answer.value) as { [k: string]: Json } & {
    provisioningSteps: { name: string; type: string; status: string; details: Record<string, string> }[];
    modifiedProperties: { [k: string]: Json }[];
  };
  const fieldsOf = (field: string) => Object.keys(value[field] as object);
  return {
    keyIsText: typeof answer.key,
    valueIsText: typeof answer.value,
    keyFields: Object.keys(key),
    keyDetailFields: Object.keys(key.details as object),
    keyResult: key.result,
    valueFields: Object.keys(value),
    action: value.action,
    steps: value.provisioningSteps.map((s) => ({
      fields: Object.keys(s),
      name: s.name,
      type: s.type,
      status: s.status,
      detailKeys: Object.keys(s.details),
    })),
    detailValueTypes: [
      ...new Set(value.provisioningSteps.flatMap((s) => Object.values(s.details).map((v) => typeof v))),
    ],
    modifiedPropertyFields: [...new Set(value.modifiedProperties.map((p) => Object.keys(p).join(",")))],
    modifiedPropertyNames: value.modifiedProperties.map((p) => p.displayName),
    statusInfo: value.statusInfo,
    sourceIdentityFields: fieldsOf("sourceIdentity"),
    targetIdentityFields: fieldsOf("targetIdentity"),
    targetIdentityType: (value.targetIdentity as { type: string }).type,
    sourceSystem: value.sourceSystem,
    targetSystem: value.targetSystem,
    timestampShape: [value.startTime, value.endTime].every((t) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/.test(String(t)),
    ),
  };
}

describe("fidelity with Graph's Example 1", () => {
  it("answers a user already in sync with the structure of the published answer", async () => {
    const h = engineHarness();
    const bill = directoryUser({
      id: "9bb0f679-a883-4a6f-8260-35b491b8b8c8",
      userPrincipalName: "BillBob@contoso.com",
      displayName: "Bill Bob",
      mailNickname: "Bill",
    });
    h.tenant.users.set(bill.id, bill);
    h.assign(bill.id);
    // Example 1's app maps exactly these four attributes (its Matching step shows them).
    const schema = scimAppSchema({ targetDirectoryName: "customappsso" });
    const userMapping = schema.synchronizationRules[0]!.objectMappings[0]!;
    userMapping.attributeMappings = ["displayName", "externalId", "userName", "active"].map(
      (name) => userMapping.attributeMappings.find((m) => m.targetAttributeName === name)!,
    );
    const job = scimJob(schema);

    expect((await h.provisionUser(job, bill.id)).key.result).toBe("Success");
    const inSync = await h.provisionUser(job, bill.id);

    expect(structureOf(inSync.raw)).toEqual(structureOf(example));
  });
});

import { describe, expect, it } from "vitest";

import { guidText } from "./cloud-sync";
import { ProvisionOnDemandInputError } from "./provision";
import { ADELE_DN, engineHarness } from "@/lib/testing/engine-tenant";

describe("provision on demand: Cloud Sync, an AD user by distinguished name into Entra ID", () => {
  it("creates the Entra user, then updates what changed in AD, then skips as already in sync", async () => {
    const h = engineHarness();
    const job = h.cloudSyncJob();
    const subject = { objectId: ADELE_DN.toUpperCase(), objectTypeName: "user" };
    const before = h.tenant.users.size;

    const created = await h.provision(job, subject);
    expect(created.key).toEqual({ result: "Success", details: {} });
    expect(created.value.action).toBe("Create");
    expect(created.value.provisioningSteps.map((s) => [s.name, s.type, s.status])).toEqual([
      ["EntryImportAdd", "Import", "Success"],
      ["EntryImport", "Import", "Success"],
      ["EntrySynchronizationScoping", "Scoping", "Success"],
      ["EntryExportAdd", "Export", "Success"],
    ]);
    expect(created.value.provisioningSteps[0]!.description).toBe(
      "Received user 'adelev@contoso.com' change of type (Add) from Active Directory",
    );
    expect(created.value.provisioningSteps[1]!.details).toMatchObject({
      distinguishedName: ADELE_DN,
      sAMAccountName: "adelev",
      l: "Chicago",
    });
    expect(created.value.provisioningSteps[2]!.details).toEqual({
      "Active in the source system": "True",
      "Scoping filter evaluation passed": "True",
    });
    expect(created.value.provisioningSteps[3]!.description).toBe(
      "User 'adelev@contoso.com' was created in Azure Active Directory",
    );
    expect(created.value.modifiedProperties).toContainEqual({
      displayName: "OnPremisesDistinguishedName",
      newValue: ADELE_DN,
    });
    expect(created.value.modifiedProperties.every((p) => !("oldValue" in p))).toBe(true);
    expect(created.value).toMatchObject({
      sourceSystem: { name: "Active Directory" },
      targetSystem: { name: "Azure Active Directory" },
    });

    expect(h.tenant.users.size).toBe(before + 1);
    const entraUser = h.tenant.users.get(created.value.targetIdentity.id!);
    expect(entraUser).toMatchObject({
      userPrincipalName: "adelev@contoso.com",
      displayName: "Adele Vance",
      city: "Chicago",
      department: "Retail",
      accountEnabled: true,
      onPremisesSamAccountName: "adelev",
      onPremisesDistinguishedName: ADELE_DN,
      onPremisesSyncEnabled: true,
    });

    const adele = h.tenant.onPremises.users.get(ADELE_DN.toLowerCase())!;
    adele.attributes.department = "Flagship Retail";
    adele.attributes.userAccountControl = "514";
    const updated = await h.provision(job, subject);
    expect(updated.value.action).toBe("Update");
    expect(updated.value.provisioningSteps.at(-1)).toMatchObject({
      name: "EntryExportUpdate",
      description: "User 'adelev@contoso.com' was updated in Azure Active Directory",
    });
    expect(updated.value.provisioningSteps[2]!.details["Active in the source system"]).toBe("False");
    expect(updated.value.modifiedProperties).toEqual([
      { displayName: "AccountEnabled", newValue: "False" },
      { displayName: "Department", newValue: "Flagship Retail" },
    ]);
    expect(h.tenant.users.size).toBe(before + 1);
    expect(h.tenant.users.get(entraUser!.id)).toMatchObject({
      department: "Flagship Retail",
      accountEnabled: false,
    });

    const again = await h.provision(job, subject);
    expect(again.key.details.errorCode).toBe("RedundantExport");
    expect(again.value.provisioningSteps.at(-1)).toMatchObject({
      name: "EntrySynchronizationSkip",
      type: "Export",
      status: "Skipped",
    });
  });

  it("answers with the field order of Graph's Example 2 and no null fields", async () => {
    const h = engineHarness();
    const answer = await h.provision(h.cloudSyncJob(), { objectId: ADELE_DN, objectTypeName: "user" });
    expect(Object.keys(answer.value)).toEqual([
      "provisioningSteps",
      "modifiedProperties",
      "action",
      "changeId",
      "endTime",
      "reportableIdentifier",
      "sourceIdentity",
      "sourceSystem",
      "startTime",
      "statusInfo",
      "targetIdentity",
      "targetSystem",
    ]);
    expect(answer.value.statusInfo).toEqual({ status: "Success" });
    expect(answer.value.sourceIdentity).toEqual({ id: "67452301-ab89-efcd-0123-456789abcdef", type: "user" });
  });

  it("matches an existing cloud user by userPrincipalName and takes it over", async () => {
    const h = engineHarness();
    const existing = [...h.tenant.users.values()].find((u) => u.userPrincipalName === "alice@contoso.com")!;
    h.tenant.onPremises.users.get(ADELE_DN.toLowerCase())!.attributes.userPrincipalName = "ALICE@contoso.com";
    const answer = await h.provision(h.cloudSyncJob(), { objectId: ADELE_DN, objectTypeName: "user" });
    expect(answer.value.action).toBe("Update");
    expect(answer.value.targetIdentity.id).toBe(existing.id);
    expect(h.tenant.users.get(existing.id)?.onPremisesImmutableId).toBe(
      Buffer.from("0123456789abcdef0123456789abcdef", "hex").toString("base64"),
    );
  });

  it("refuses a distinguished name that is not in the directory with an input error", async () => {
    const h = engineHarness();
    await expect(
      h.provision(h.cloudSyncJob(), {
        objectId: "CN=Nobody,DC=corp,DC=contoso,DC=com",
        objectTypeName: "user",
      }),
    ).rejects.toBeInstanceOf(ProvisionOnDemandInputError);
  });

  it("reads AD's little-endian objectGUID as Graph's GUID text", () => {
    expect(guidText(Buffer.from("0123456789abcdef0123456789abcdef", "hex").toString("base64"))).toBe(
      "67452301-ab89-efcd-0123-456789abcdef",
    );
    expect(guidText("not-a-guid")).toBeNull();
  });
});

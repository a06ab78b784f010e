import { describe, expect, it } from "vitest";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";
import { runRow } from "@/lib/testing/run-rows";
import { guidText } from "@/lib/demo-tenant/engine/cloud-sync";
import { DEFAULT_REDACTED_ATTRIBUTES, REDACTED, redactRun, sensitiveAttributeTest } from "./redaction";
import { toRunView } from "./run-view";

const isSensitive = sensitiveAttributeTest(DEFAULT_REDACTED_ATTRIBUTES);
const dn = "CN=AdeleV,CN=Users,DC=corp,DC=chicago,DC=com";

function cloudSyncRun(body: unknown) {
  return toRunView(
    runRow({
      id: "run-1",
      created_at: "2026-11-01T09:00:00.000Z",
      subject_kind: "onPremisesUser",
      subject_key: dn,
      subject_json: JSON.stringify({ kind: "onPremisesUser", distinguishedName: dn }),
      response_body: JSON.stringify(body),
    }),
    undefined,
    Date.now(),
  );
}

/** Example 2 with a real objectGUID: base64 in the details, the same GUID as text in sourceIdentity. */
function example2WithGuid(objectGuid: string) {
  const body = fixtureBody("example-2-cloud-sync-update") as { key: string; value: string };
  const value = body.value
    .replaceAll("xxxxxxxLIUuBM8qK5Sxxxx", objectGuid)
    .replace("38a2171b-8b04-4b21-8133-ca8ae52250f3", guidText(objectGuid)!);
  return { ...body, value };
}

describe("redactRun", () => {
  const objectGuid = "G3yi+q0JIUuBM8qK5SJQ8w==";
  const guid = guidText(objectGuid)!;

  it("hides the objectGUID in every encoding and every place: details, summary source, raw answer", () => {
    const run = cloudSyncRun(example2WithGuid(objectGuid));
    expect(run.result!.reports[0]!.source.id).toBe(guid);
    const shared = redactRun(run, isSensitive);
    const text = JSON.stringify(shared);
    for (const form of [
      objectGuid,
      objectGuid.replace(/=+$/, ""),
      guid,
      guid.toUpperCase(),
      guid.replace(/-/g, ""),
    ])
      expect(text.toLowerCase(), `the share leaks ${form}`).not.toContain(form.toLowerCase());
    expect(shared.result!.reports[0]!.source.id).toBe(REDACTED);
    expect(JSON.stringify(shared.result!.raw)).toContain(REDACTED);
    // The person's objectSid is gone as base64 and as S-1-5-… text.
    expect(text).not.toContain("AQUAAAAAAAUVAAAAXAMNf/YJ8nmaUZofGG4BAA==");
    expect(text).not.toContain("S-1-5-21-2131559260-2045905398-530207130-93720");
    // What is not sensitive stays readable.
    expect(text).toContain("adelev@chicago.com");
    expect(shared.result!.reports[0]!.target.id).toBe("87cb2512-8e7f-4543-a9c9-e7cf8756a3ad");
  });

  it("hides an on-premises user's source id even when no step reported the objectGUID", () => {
    const body = fixtureBody("example-2-cloud-sync-update") as { key: string; value: string };
    const value = JSON.parse(body.value) as { provisioningSteps: unknown[] };
    value.provisioningSteps = [];
    const shared = redactRun(cloudSyncRun({ ...body, value: JSON.stringify(value) }), isSensitive);
    expect(JSON.stringify(shared)).not.toContain("38a2171b-8b04-4b21-8133-ca8ae52250f3");
  });

  it("keeps the source id of an Entra user, which no redacted attribute holds", () => {
    const run = toRunView(
      runRow({
        id: "run-2",
        created_at: "2026-11-01T09:00:00.000Z",
        response_body: JSON.stringify(fixtureBody("example-1-scim-user-skipped")),
      }),
      undefined,
      Date.now(),
    );
    const source = run.result!.reports[0]!.source.id;
    expect(source).toBeTruthy();
    expect(redactRun(run, isSensitive).result!.reports[0]!.source.id).toBe(source);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildProvisionOnDemandRequest,
  provisionRequestInputSchema,
  ProvisionRequestError,
  type ProvisionRequestInput,
} from "./build-request";
import { fixtureBody } from "@/lib/testing/provisioning-fixtures";

function errorOf(input: unknown): ProvisionRequestError {
  try {
    buildProvisionOnDemandRequest(input as ProvisionRequestInput);
  } catch (error) {
    expect(error).toBeInstanceOf(ProvisionRequestError);
    return error as ProvisionRequestError;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

const GROUP = "8213fd99-d6b6-417b-8e13-af6334856215";
const MEMBERS = ["cbc86211-6ada-4803-b73f-8039cf56d8a2", "2bc86211-6ada-4803-b73f-8039cf56d8a2"];

describe("buildProvisionOnDemandRequest builds the documented bodies", () => {
  it("for an Entra user (Example 1)", () => {
    const body = buildProvisionOnDemandRequest({
      ruleId: "ea807875-5618-4f0a-9125-0b46a05298ca",
      subject: { kind: "user", objectId: "9bb0f679-a883-4a6f-8260-35b491b8b8c8" },
    });
    expect(body).toEqual(fixtureBody("example-1-scim-user-skipped", "request"));
  });

  it("for an on-premises user by distinguished name (Example 2)", () => {
    const body = buildProvisionOnDemandRequest({
      ruleId: "6c409270-f78a-4bc6-af23-7cf3ab6482fe",
      subject: { kind: "onPremisesUser", distinguishedName: "CN=AdeleV,CN=Users,DC=corp,DC=chicago,DC=com" },
    });
    expect(body).toEqual(fixtureBody("example-2-cloud-sync-update", "request"));
  });

  it("for a group with its members, keeping a #V2 rule id (Example 3)", () => {
    const body = buildProvisionOnDemandRequest({
      ruleId: "33f7c90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
      subject: { kind: "group", objectId: GROUP, memberIds: MEMBERS },
    });
    expect(body).toEqual(fixtureBody("example-3-group-two-members", "request"));
  });

  it("accepts the subject's fields beside ruleId", () => {
    const flat = buildProvisionOnDemandRequest({
      kind: "group",
      ruleId: "r#V2",
      objectId: GROUP,
      memberIds: MEMBERS,
    });
    const nested = buildProvisionOnDemandRequest({
      ruleId: "r#V2",
      subject: { kind: "group", objectId: GROUP, memberIds: MEMBERS },
    });
    expect(flat).toEqual(nested);
  });

  it("trims ids and treats job-style ids as opaque text", () => {
    const body = buildProvisionOnDemandRequest({
      ruleId: "  AD2AADProvisioning.fc96887f36da47508c935c28a0c0b6da#V2 ",
      subject: { kind: "user", objectId: "\tnot-a-guid.123 " },
    });
    expect(body.parameters[0].ruleId).toBe("AD2AADProvisioning.fc96887f36da47508c935c28a0c0b6da#V2");
    expect(body.parameters[0].subjects[0]?.objectId).toBe("not-a-guid.123");
  });

  it("accepts escaped commas, hex escapes and OIDs in a distinguished name", () => {
    const dn = "CN=Vest\\, Adele+UID=av,OU=Staff \\23 1,2.5.4.11=Ops,DC=corp,DC=contoso,DC=com";
    const body = buildProvisionOnDemandRequest({
      ruleId: "r",
      subject: { kind: "onPremisesUser", distinguishedName: dn },
    });
    expect(body.parameters[0].subjects[0]).toEqual({ objectId: dn, objectTypeName: "user" });
  });

  it("accepts five members", () => {
    const memberIds = ["a", "b", "c", "d", "e"];
    const body = buildProvisionOnDemandRequest({
      ruleId: "r",
      subject: { kind: "group", objectId: "g", memberIds },
    });
    expect(body.parameters[0].subjects[0]?.links?.members.map((m) => m.objectId)).toEqual(memberIds);
  });
});

describe("buildProvisionOnDemandRequest rejects invalid input, naming the field", () => {
  const user = { kind: "user", objectId: "u1" };

  it.each([
    ["a missing rule id", { subject: user }, "ruleId", /required/],
    ["an empty rule id", { ruleId: "", subject: user }, "ruleId", /empty/],
    ["a blank rule id", { ruleId: "   ", subject: user }, "ruleId", /empty/],
    [
      "a rule id with a control character",
      { ruleId: "r\u0000", subject: user },
      "ruleId",
      /control character/,
    ],
    ["a rule id that is not text", { ruleId: 7, subject: user }, "ruleId", /text/],
    ["a missing subject", { ruleId: "r" }, "subject", /subject is required/i],
    [
      "an unknown kind",
      { ruleId: "r", subject: { kind: "device", objectId: "d" } },
      "subject.kind",
      /"user", "onPremisesUser" or "group"/,
    ],
    [
      "an empty user id",
      { ruleId: "r", subject: { kind: "user", objectId: " " } },
      "subject.objectId",
      /empty/,
    ],
    [
      "a user id with a newline",
      { ruleId: "r", subject: { kind: "user", objectId: "a\nb" } },
      "subject.objectId",
      /control/,
    ],
    ["members on a user", { ruleId: "r", subject: { ...user, memberIds: ["m"] } }, "subject", /memberIds/],
    [
      "an empty member list",
      { ruleId: "r", subject: { kind: "group", objectId: "g", memberIds: [] } },
      "subject.memberIds",
      /at least one/,
    ],
    [
      "six members",
      { ruleId: "r", subject: { kind: "group", objectId: "g", memberIds: ["1", "2", "3", "4", "5", "6"] } },
      "subject.memberIds",
      /At most 5/,
    ],
    [
      "a duplicate member",
      { ruleId: "r", subject: { kind: "group", objectId: "g", memberIds: ["ab", "AB "] } },
      "subject.memberIds",
      /more than once/,
    ],
    [
      "an empty member id",
      { ruleId: "r", subject: { kind: "group", objectId: "g", memberIds: ["a", ""] } },
      "subject.memberIds.1",
      /empty/,
    ],
    [
      "the group as its own member",
      { ruleId: "r", subject: { kind: "group", objectId: "g", memberIds: ["G"] } },
      "subject.memberIds",
      /own member/,
    ],
    [
      "members that are not a list",
      { ruleId: "r", subject: { kind: "group", objectId: "g", memberIds: "a,b" } },
      "subject.memberIds",
      /list/,
    ],
    [
      "a group without an id",
      { ruleId: "r", subject: { kind: "group", memberIds: ["a"] } },
      "subject.objectId",
      /required/,
    ],
    ["an input that is not an object", null, "input", /object with ruleId and subject/],
  ])("%s", (_label, input, field, message) => {
    const error = errorOf(input);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it.each([
    ["no equals sign", "AdeleV"],
    ["an empty part", "CN=AdeleV,,DC=corp"],
    ["a trailing comma", "CN=AdeleV,DC=corp,"],
    ["a part without a value", "CN=,DC=corp"],
    ["a bad attribute name", "C N=AdeleV,DC=corp"],
    ["a lone trailing backslash", "CN=AdeleV,DC=corp\\"],
    ["an escape of an ordinary letter", "CN=Ad\\eleV,DC=corp"],
    ["no CN, OU or DC part", "UID=adelev,O=Contoso"],
  ])("rejects a distinguished name with %s", (_label, distinguishedName) => {
    const error = errorOf({ ruleId: "r", subject: { kind: "onPremisesUser", distinguishedName } });
    expect(error.field).toBe("subject.distinguishedName");
    expect(error.message).toMatch(/distinguished name/);
  });

  it("lists every problem, first one in field and message", () => {
    const error = errorOf({ ruleId: "", subject: { kind: "user", objectId: "" } });
    expect(error.problems.map((p) => p.field)).toEqual(["ruleId", "subject.objectId"]);
    expect(error.field).toBe("ruleId");
  });

  it("shares field names with the exported zod schema", () => {
    const input = { ruleId: "r", subject: { kind: "group", objectId: "g", memberIds: ["a", "a"] } };
    const parsed = provisionRequestInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join(".")).toBe(errorOf(input).field);
  });

  it("either builds a body or throws ProvisionRequestError, whatever it is given", () => {
    const subject = fc.record(
      {
        kind: fc.oneof(fc.constantFrom("user", "onPremisesUser", "group"), fc.string()),
        objectId: fc.oneof(fc.string(), fc.anything()),
        distinguishedName: fc.oneof(fc.string(), fc.constant("CN=a,DC=b")),
        memberIds: fc.oneof(fc.array(fc.string(), { maxLength: 7 }), fc.anything()),
      },
      { requiredKeys: ["kind"] },
    );
    const input = fc.oneof(
      fc.anything(),
      fc.record({ ruleId: fc.oneof(fc.string(), fc.anything()), subject }),
    );
    fc.assert(
      fc.property(input, (candidate) => {
        try {
          const body = buildProvisionOnDemandRequest(candidate as ProvisionRequestInput);
          expect(body.parameters[0].subjects).toHaveLength(1);
        } catch (error) {
          expect(error).toBeInstanceOf(ProvisionRequestError);
          expect((error as ProvisionRequestError).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

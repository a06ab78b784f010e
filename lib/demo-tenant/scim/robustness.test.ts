import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ENTERPRISE, scimClient } from "@/lib/testing/demo-scim-client";

const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

const pathPart = fc.constantFrom(
  "userName",
  "active",
  "ACTIVE",
  "displayName",
  "name",
  "name.givenName",
  "emails",
  'emails[type eq "work"]',
  'emails[type eq "work"].value',
  "emails[primary eq true].value",
  "emails[",
  "members",
  'members[value eq "x"]',
  "manager",
  `${ENTERPRISE}:manager`,
  `${ENTERPRISE}:department`,
  ENTERPRISE,
  "id",
  "meta.version",
  "userName.sub",
  "constructor.prototype",
  "__proto__",
  "",
  "x-custom",
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom("True", "False", [{ value: "id" }], { value: "x" }, null),
);
const operation = fc.record(
  {
    op: fc.constantFrom("add", "Add", "replace", "REPLACE", "remove", "Remove", "merge", 3),
    path: pathPart,
    value: jsonValue,
  },
  { requiredKeys: ["op"] },
);

async function expectScimAnswer(reply: { status: number; body: unknown }, input: unknown) {
  expect(reply.status, JSON.stringify(input)).toBeLessThan(500);
  if (reply.status >= 400) expect(reply.body, JSON.stringify(input)).toMatchObject({ schemas: [ERROR] });
}

describe("SCIM target robustness", () => {
  it("answers any PATCH with a result or a SCIM 4xx error, never a failure or a prototype change", async () => {
    const scim = scimClient();
    const user = await scim.createUser("ada@contoso.com", {
      emails: [{ type: "work", value: "a@contoso.com" }],
    });
    const group = await scim.createGroup("Engineers");
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 4 }), fc.boolean(), async (operations, onGroup) => {
        const reply = await scim.patch(
          `/scim/t1/${onGroup ? "Groups" : "Users"}/${onGroup ? group.id : user.id}`,
          operations,
        );
        await expectScimAnswer(reply, operations);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    expect((await scim.get(`/scim/t1/Users/${user.id}`)).status).toBe(200);
  });

  it("refuses names that would reach Object.prototype", async () => {
    const scim = scimClient();
    const user = await scim.createUser("ada@contoso.com", { name: { givenName: "Ada" } });
    const attempts = [
      [{ op: "replace", path: "name", value: { "constructor.prototype.polluted": "yes" } }],
      [{ op: "add", path: "constructor.prototype", value: { polluted: "yes" } }],
      [{ op: "add", value: { "__proto__.polluted": "yes" } }],
    ];
    for (const operations of attempts) {
      const reply = await scim.patch(`/scim/t1/Users/${user.id}`, operations);
      expect(reply.status, JSON.stringify(operations)).toBe(400);
    }
    const created = await scim.call(
      "POST",
      "/scim/t1/Users",
      '{"userName":"eve@contoso.com","__proto__":{"polluted":"yes"}}',
    );
    expect(created.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("answers any JSON body on POST and PUT with a resource or a SCIM 4xx error", async () => {
    const scim = scimClient();
    const user = await scim.createUser("ada@contoso.com");
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record(
        {
          userName: jsonValue,
          active: jsonValue,
          emails: jsonValue,
          [ENTERPRISE]: jsonValue,
          name: jsonValue,
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (input, replace) => {
        const reply = replace
          ? await scim.put(`/scim/t1/Users/${user.id}`, input)
          : await scim.post("/scim/t1/Users", input);
        await expectScimAnswer(reply, input);
      }),
      { numRuns: 300 },
    );
  });

  it("answers any filter string with a list or invalidFilter", async () => {
    const scim = scimClient();
    await scim.createUser("ada@contoso.com", { emails: [{ type: "work", value: "a@contoso.com" }] });
    const token = fc.constantFrom(
      "userName",
      "emails",
      "[",
      "]",
      "(",
      ")",
      "eq",
      "co",
      "pr",
      "and",
      "or",
      "not",
      '"a"',
      "1",
      "true",
      "null",
      ".value",
      " ",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.array(token, { maxLength: 8 }).map((parts) => parts.join(" ")),
        ),
        async (filter) => {
          const reply = await scim.get(`/scim/t1/Users?filter=${encodeURIComponent(filter)}`);
          await expectScimAnswer(reply, filter);
          if (reply.status === 400) expect(reply.body.scimType).toBe("invalidFilter");
        },
      ),
      { numRuns: 300 },
    );
  });
});

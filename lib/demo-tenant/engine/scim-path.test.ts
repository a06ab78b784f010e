import { describe, expect, it } from "vitest";

import { parseScimAttributePath, readScimAttribute, writeScimAttribute } from "./scim-path";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

describe("SCIM attribute paths as Entra names target attributes", () => {
  it("parses core, sub-attribute, filtered and extension paths", () => {
    expect(parseScimAttributePath("userName")).toEqual({
      schema: null,
      attribute: "userName",
      filter: null,
      subAttribute: null,
    });
    expect(parseScimAttributePath("name.givenName")).toMatchObject({
      attribute: "name",
      subAttribute: "givenName",
    });
    expect(parseScimAttributePath('emails[type eq "work"].value')).toEqual({
      schema: null,
      attribute: "emails",
      filter: { attribute: "type", value: "work" },
      subAttribute: "value",
    });
    expect(parseScimAttributePath(`${ENTERPRISE}:manager`)).toEqual({
      schema: ENTERPRISE,
      attribute: "manager",
      filter: null,
      subAttribute: null,
    });
  });

  it("builds a POST body and reads the same values back as Entra compares them", () => {
    const resource: Record<string, unknown> = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"] };
    writeScimAttribute(resource, "active", true);
    writeScimAttribute(resource, 'emails[type eq "work"].value', "a@contoso.com");
    writeScimAttribute(resource, 'addresses[type eq "work"].locality', "Seattle");
    writeScimAttribute(resource, 'addresses[type eq "work"].postalCode', "98052");
    writeScimAttribute(resource, `${ENTERPRISE}:manager`, { value: "m-1" });
    expect(resource).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
      active: true,
      emails: [{ type: "work", value: "a@contoso.com" }],
      addresses: [{ type: "work", locality: "Seattle", postalCode: "98052" }],
      [ENTERPRISE]: { manager: { value: "m-1" } },
    });
    expect(readScimAttribute(resource, "active")).toBe("True");
    expect(readScimAttribute(resource, 'addresses[type eq "work"].postalCode')).toBe("98052");
    expect(readScimAttribute(resource, `${ENTERPRISE}:manager`)).toBe("m-1");
    expect(readScimAttribute(resource, 'emails[type eq "other"].value')).toBeNull();
  });

  it("reads attribute names and filter values without regard to case, as SCIM requires", () => {
    const resource = {
      UserName: "x",
      Emails: [{ Type: "Work", Value: "w@contoso.com" }],
      members: [{ value: "u1" }, { value: "u2" }],
    };
    expect(readScimAttribute(resource, "userName")).toBe("x");
    expect(readScimAttribute(resource, 'emails[type eq "work"].value')).toBe("w@contoso.com");
    expect(readScimAttribute(resource, "members")).toEqual(["u1", "u2"]);
  });
});

import { describe, expect, it } from "vitest";
import { nameOfDistinguishedName, onPremisesChange } from "./on-premises-change";

describe("a change to an AD user", () => {
  it("sets an LDAP attribute, or removes it when empty", () => {
    expect(onPremisesChange("title", "  Store Director ")).toEqual({
      changes: { title: "Store Director" },
      problem: null,
    });
    expect(onPremisesChange("department", "")).toEqual({ changes: { department: null }, problem: null });
  });

  it("names what is wrong: an empty display name, a value AD cannot hold", () => {
    expect(onPremisesChange("displayName", " ").problem).toBe("Display name cannot be empty.");
    expect(onPremisesChange("company", "x".repeat(1025)).problem).toBe(
      "Company holds at most 1,024 characters.",
    );
  });

  it("names the user from the distinguished name", () => {
    expect(nameOfDistinguishedName("CN=Adele Vance,OU=Users,DC=corp,DC=contoso,DC=com")).toBe("Adele Vance");
    expect(nameOfDistinguishedName("CN=Vance\\, Adele,OU=Users,DC=corp")).toBe("Vance, Adele");
    expect(nameOfDistinguishedName("not a dn")).toBe("not a dn");
  });
});

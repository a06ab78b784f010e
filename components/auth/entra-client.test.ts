import type { AccountInfo } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import { describeAccount } from "./entra-client";

function account(overrides: Partial<AccountInfo>): AccountInfo {
  return {
    homeAccountId: "oid.tid",
    environment: "login.microsoftonline.com",
    tenantId: "tid",
    username: "rita@contoso.test",
    localAccountId: "oid",
    ...overrides,
  };
}

/** Claims as a token could carry them, not as MSAL's types promise them. */
const claimsAsSent = (roles: unknown) => ({ roles }) as AccountInfo["idTokenClaims"];

describe("describeAccount", () => {
  it("shows the ID token's name, UPN and console roles", () => {
    expect(
      describeAccount(
        account({ name: "Rita Reader", idTokenClaims: { roles: ["Console.Reader", "Console.Operator"] } }),
      ),
    ).toEqual({
      name: "Rita Reader",
      username: "rita@contoso.test",
      roles: ["Console.Reader", "Console.Operator"],
    });
  });

  it("falls back to the UPN for a nameless account and to no roles when the claim is absent or odd", () => {
    expect(describeAccount(account({}))).toEqual({
      name: "rita@contoso.test",
      username: "rita@contoso.test",
      roles: [],
    });
    expect(describeAccount(account({ idTokenClaims: claimsAsSent("Console.Operator") })).roles).toEqual([]);
    expect(
      describeAccount(account({ idTokenClaims: claimsAsSent(["Console.Reader", 7, null]) })).roles,
    ).toEqual(["Console.Reader"]);
  });
});

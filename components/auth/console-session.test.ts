import { describe, expect, it } from "vitest";
import {
  hasConsoleRole,
  jobActionPermission,
  provisioningPermission,
  type ConsoleSession,
  type SignedInAccount,
} from "./console-session";

const account = (roles: string[]): SignedInAccount => ({
  name: "Rita Reader",
  username: "rita@contoso.test",
  roles,
});
const signedIn = (roles: string[]): ConsoleSession => ({
  mode: "entra",
  status: "signed-in",
  account: account(roles),
  signOut: () => {},
});

describe("provisioningPermission", () => {
  it("lets the demo operator and a signed-in Operator run", () => {
    expect(provisioningPermission({ mode: "demo" })).toEqual({ allowed: true, reason: null });
    expect(provisioningPermission(signedIn(["Console.Operator"]))).toEqual({ allowed: true, reason: null });
  });

  it("lets an Administrator run, as an Administrator is also an Operator", () => {
    expect(provisioningPermission(signedIn(["Console.Administrator"]))).toEqual({
      allowed: true,
      reason: null,
    });
  });

  it("refuses a Reader and names the missing role and the person", () => {
    const permission = provisioningPermission(signedIn(["Console.Reader"]));
    expect(permission.allowed).toBe(false);
    expect(permission.reason).toContain("Console.Operator");
    expect(permission.reason).toContain("Rita Reader");
  });

  it("refuses anyone not signed in yet", () => {
    expect(provisioningPermission({ mode: "entra", status: "starting" }).allowed).toBe(false);
    expect(
      provisioningPermission({ mode: "entra", status: "signed-out", signIn: () => {}, error: null }),
    ).toEqual({
      allowed: false,
      reason: "Sign in to run provisioning.",
    });
  });
});

describe("jobActionPermission", () => {
  it("lets the demo operator and a signed-in Administrator act on jobs", () => {
    expect(jobActionPermission({ mode: "demo" })).toEqual({ allowed: true, reason: null });
    expect(jobActionPermission(signedIn(["Console.Administrator"]))).toEqual({ allowed: true, reason: null });
  });

  it.each([
    [["Console.Operator"], "can run provisioning but"],
    [["Console.Reader"], "can only read"],
    [[], "can only read"],
  ])("refuses %j, naming the Administrator role, the person and what they can do", (roles, can) => {
    const permission = jobActionPermission(signedIn(roles));
    expect(permission.allowed).toBe(false);
    expect(permission.reason).toContain("Console.Administrator");
    expect(permission.reason).toContain("Rita Reader");
    expect(permission.reason).toContain(can);
  });

  it("refuses anyone not signed in yet", () => {
    expect(jobActionPermission({ mode: "entra", status: "starting" })).toEqual({
      allowed: false,
      reason: "Sign in to act on the job.",
    });
  });
});

describe("hasConsoleRole", () => {
  it.each([
    [["Console.Administrator"], true],
    [["Console.Reader"], true],
    [["Console.Operator"], true],
    [[], false],
    [["Console.Auditor", "console.reader"], false],
  ])("roles %j → %s", (roles, expected) => {
    expect(hasConsoleRole(account(roles))).toBe(expected);
  });
});

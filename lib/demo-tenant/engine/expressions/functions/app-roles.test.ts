import { describe, expect, it } from "vitest";

import {
  appRolePatchOperation,
  attributeReaderOf,
  complexRolesOf,
  evaluateExpression,
  parseMappingExpression,
  type ExpressionValue,
} from "../index";

const evaluate = (text: string, attributes: Record<string, ExpressionValue> = {}) =>
  evaluateExpression(text, attributeReaderOf(attributes));
const roles = (text: string, appRoleAssignments: ExpressionValue) =>
  (evaluate(text, { appRoleAssignments }) as string[] | null)?.map((role) => JSON.parse(role) as unknown);

describe("SingleAppRoleAssignment", () => {
  it("gives one role value string", () => {
    expect(
      evaluate("SingleAppRoleAssignment([appRoleAssignments])", {
        appRoleAssignments: ["Default Assignment"],
      }),
    ).toBe("Default Assignment");
    expect(
      evaluate("SingleAppRoleAssignment([appRoleAssignments])", { appRoleAssignments: ["Admin", "User"] }),
    ).toBe("Admin");
    expect(evaluate("SingleAppRoleAssignment([appRoleAssignments])", { appRoleAssignments: "User" })).toBe(
      "User",
    );
  });
  it("gives null without assignments", () => {
    expect(evaluate("SingleAppRoleAssignment([appRoleAssignments])", { appRoleAssignments: [] })).toBeNull();
    expect(evaluate("SingleAppRoleAssignment([appRoleAssignments])")).toBeNull();
  });
});

describe("AppRoleAssignmentsComplex", () => {
  it("gives every role as the documented POST example sends it", () => {
    expect(roles("AppRoleAssignmentsComplex([appRoleAssignments])", ["Admin", "User"])).toEqual([
      { primary: false, type: "WindowsAzureActiveDirectoryRole", displayName: "Admin", value: "Admin" },
      { primary: false, type: "WindowsAzureActiveDirectoryRole", displayName: "User", value: "User" },
    ]);
  });
  it("keeps a role's own display name, and lists a role once", () => {
    const assignment = JSON.stringify({
      id: "06b07648-ecfe-589f-9d2f-6325724a46ee",
      value: "25",
      displayName: "Role1234",
    });
    expect(
      roles("AppRoleAssignmentsComplex([appRoleAssignments])", [assignment, "25", "Admin", "Admin"]),
    ).toEqual([
      { primary: false, type: "WindowsAzureActiveDirectoryRole", displayName: "Role1234", value: "25" },
      { primary: false, type: "WindowsAzureActiveDirectoryRole", displayName: "Admin", value: "Admin" },
    ]);
  });
  it("gives null without assignments", () => {
    expect(
      evaluate("AppRoleAssignmentsComplex([appRoleAssignments])", { appRoleAssignments: [] }),
    ).toBeNull();
    expect(evaluate("AppRoleAssignmentsComplex([appRoleAssignments])")).toBeNull();
  });
  it("takes text that only looks like JSON as a role value", () => {
    expect(
      roles("AppRoleAssignmentsComplex([appRoleAssignments])", ["{oops", '{"displayName":"x"}']),
    ).toEqual([
      { primary: false, type: "WindowsAzureActiveDirectoryRole", displayName: "{oops", value: "{oops" },
      {
        primary: false,
        type: "WindowsAzureActiveDirectoryRole",
        displayName: '{"displayName":"x"}',
        value: '{"displayName":"x"}',
      },
    ]);
  });
});

describe("AssertiveAppRoleAssignmentsComplex", () => {
  it("gives every role as the documented POST example sends it, with display", () => {
    expect(roles("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])", ["User", "Test"])).toEqual([
      { primary: false, type: "WindowsAzureActiveDirectoryRole", display: "User", value: "User" },
      { primary: false, type: "WindowsAzureActiveDirectoryRole", display: "Test", value: "Test" },
    ]);
  });
  it("gives one role for a single assignment", () => {
    expect(roles("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])", "User")).toEqual([
      { primary: false, type: "WindowsAzureActiveDirectoryRole", display: "User", value: "User" },
    ]);
  });
});

describe("for the engine", () => {
  it("reads the complex roles back as objects for SCIM's roles attribute", () => {
    const value = evaluate("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])", {
      appRoleAssignments: ["User"],
    }) as string[];
    expect(complexRolesOf(value)).toEqual([
      { primary: false, type: "WindowsAzureActiveDirectoryRole", display: "User", value: "User" },
    ]);
    expect(complexRolesOf("Admin")).toEqual([
      { primary: false, type: "WindowsAzureActiveDirectoryRole", display: "Admin", value: "Admin" },
    ]);
    expect(complexRolesOf(null)).toEqual([]);
  });
  it("says which mappings add roles and which replace them", () => {
    expect(
      appRolePatchOperation(parseMappingExpression("AppRoleAssignmentsComplex([appRoleAssignments])")),
    ).toBe("Add");
    expect(
      appRolePatchOperation(
        parseMappingExpression("assertiveAppRoleAssignmentsComplex([appRoleAssignments])"),
      ),
    ).toBe("Replace");
    expect(
      appRolePatchOperation(parseMappingExpression("SingleAppRoleAssignment([appRoleAssignments])")),
    ).toBeNull();
    expect(appRolePatchOperation(parseMappingExpression("[appRoleAssignments]"))).toBeNull();
    expect(appRolePatchOperation(null)).toBeNull();
  });
});

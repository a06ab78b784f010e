import "server-only";

import type { AttributeMappingSource } from "../../../model";
import type { FunctionCall } from "../function-call";
import type { FunctionDefinition } from "../function-definition";
import { toList } from "../values";

// [appRoleAssignments] reads as the user's role values ("Admin", "Default Assignment"); a value may
// also be a JSON object with id, value and displayName, which is kept. The complex functions give one
// JSON object per role, as Entra writes them into SCIM's roles attribute.

export const ROLE_TYPE = "WindowsAzureActiveDirectoryRole";

interface AssignedRole {
  id?: string;
  value: string;
  displayName: string;
}

/** A role as the complex functions give it: AppRoleAssignmentsComplex names it displayName, the assertive one display. */
export interface ComplexRole {
  primary: false;
  type: typeof ROLE_TYPE;
  value: string;
  display?: string;
  displayName?: string;
}

const appRoleAssignmentsParameter = [{ key: "source", required: true, multivalued: true }] as const;
const MANY_ROLES = { type: "String", multivalued: true } as const;

export const appRoleFunctions: readonly FunctionDefinition[] = [
  {
    name: "SingleAppRoleAssignment",
    summary:
      "Gives one role of the user's app role assignments as a string; which one is unpredictable when there are several.",
    returns: { type: "String", multivalued: false },
    parameters: appRoleAssignmentsParameter,
    // Entra calls the choice among several roles unpredictable; the first assigned one is as good as any.
    evaluate: (call) => assignedRoles(call)[0]?.value ?? null,
  },
  {
    name: "AppRoleAssignmentsComplex",
    summary:
      "Gives every role of the user's app role assignments as a complex role (primary false); Entra adds them with PATCH Add.",
    returns: MANY_ROLES,
    parameters: appRoleAssignmentsParameter,
    evaluate: (call) =>
      complexRoles(call, (role) => ({
        primary: false,
        type: ROLE_TYPE,
        displayName: role.displayName,
        value: role.value,
      })),
  },
  {
    name: "AssertiveAppRoleAssignmentsComplex",
    summary:
      "Gives every role of the user's app role assignments as a complex role (primary false); Entra replaces the target's roles with them, removing others.",
    returns: MANY_ROLES,
    parameters: appRoleAssignmentsParameter,
    evaluate: (call) =>
      complexRoles(call, (role) => ({
        primary: false,
        type: ROLE_TYPE,
        display: role.displayName,
        value: role.value,
      })),
  },
];

function assignedRoles(call: FunctionCall): AssignedRole[] {
  const roles = new Map<string, AssignedRole>();
  for (const text of toList(call.value(0))) {
    const role = readRole(text);
    if (role && !roles.has(role.value)) roles.set(role.value, role);
  }
  return [...roles.values()];
}

function readRole(text: string): AssignedRole | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const structured = structuredAssignment(trimmed);
  return structured ?? { value: trimmed, displayName: trimmed };
}

/** A JSON object with a string value; anything else is a role value that happens to start with "{". */
function structuredAssignment(text: string): AssignedRole | null {
  if (!text.startsWith("{")) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const { id, value, displayName } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof value !== "string" || value === "") return null;
  return {
    ...(typeof id === "string" ? { id } : {}),
    value,
    displayName: typeof displayName === "string" && displayName !== "" ? displayName : value,
  };
}

function complexRoles(call: FunctionCall, shape: (role: AssignedRole) => ComplexRole): string[] | null {
  const roles = assignedRoles(call);
  return roles.length === 0 ? null : roles.map((role) => JSON.stringify(shape(role)));
}

/** The roles a complex function gave, as objects for the SCIM roles attribute; plain strings become roles too. */
export function complexRolesOf(value: string | string[] | null): ComplexRole[] {
  return toList(value).map((text) => {
    try {
      const parsed = JSON.parse(text) as ComplexRole;
      if (parsed && typeof parsed === "object" && typeof parsed.value === "string") return parsed;
    } catch {
      // A plain role value.
    }
    return { primary: false, type: ROLE_TYPE, display: text, value: text };
  });
}

/**
 * How Entra writes a mapping's roles to the target: AppRoleAssignmentsComplex adds with PATCH Add and
 * never removes, AssertiveAppRoleAssignmentsComplex replaces the attribute; null for any other mapping.
 */
export function appRolePatchOperation(source: AttributeMappingSource | null): "Add" | "Replace" | null {
  if (source?.type !== "Function") return null;
  const name = source.name?.toLowerCase();
  if (name === "approleassignmentscomplex") return "Add";
  if (name === "assertiveapproleassignmentscomplex") return "Replace";
  return null;
}

import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

export type ConsoleRole = "Console.Reader" | "Console.Operator";

export interface Caller {
  /** Stable id recorded on runs and in the audit log. */
  id: string;
  displayName: string;
  roles: ConsoleRole[];
}

/** In demo mode whoever reaches the console is the local demo operator, with every role. */
const demoOperator: Caller = {
  id: "demo-operator",
  displayName: "Demo operator",
  roles: ["Console.Reader", "Console.Operator"],
};

/** Who is calling; throws 401 when that cannot be established. */
export async function authenticate(_request: NextRequest): Promise<Caller> {
  if (env().mode === "demo") return demoOperator;
  throw new ApiError("unauthenticated", "Sign-in with Microsoft Entra ID is not available in this version of the console.");
}

/** Throws 403 unless the caller holds the role (Operator implies Reader). */
export function requireRole(caller: Caller, role: ConsoleRole): void {
  const granted = caller.roles.includes(role) || (role === "Console.Reader" && caller.roles.includes("Console.Operator"));
  if (!granted) throw new ApiError("forbidden", `This needs the ${role} app role, which ${caller.displayName} does not have.`);
}

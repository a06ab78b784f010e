"use client";
import { createContext, useContext } from "react";
import {
  jobActionPermission,
  provisioningPermission,
  type ConsoleSession,
  type Permission,
} from "./console-session";

export const SessionContext = createContext<ConsoleSession>({ mode: "demo" });

/** Where sign-in stands and who is signed in. */
export function useConsoleSession(): ConsoleSession {
  return useContext(SessionContext);
}

/** Whether the person at the console may run provisioning, and if not, why (shown beside the button). */
export function useCanRunProvisioning(): Permission {
  return provisioningPermission(useConsoleSession());
}

/** Whether the person at the console may act on a job (test, token, restart, pause, start), and if not, why. */
export function useCanActOnJobs(): Permission {
  return jobActionPermission(useConsoleSession());
}

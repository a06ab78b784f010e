"use client";
import { useEffect, useState, type ComponentType, type ReactNode } from "react";
import type { BrowserAuthConfig } from "@/lib/auth/browser-auth-config";
import type { ConsoleSession } from "./console-session";
import { SessionContext } from "./session-context";

type EntraSessionComponent = ComponentType<{ config: BrowserAuthConfig; children: ReactNode }>;

const DEMO: ConsoleSession = { mode: "demo" };
const STARTING: ConsoleSession = { mode: "entra", status: "starting" };

/**
 * Sign-in for the whole console. Demo mode has none; Entra mode loads MSAL on demand, so the
 * demo bundle never carries it.
 */
export function AuthProvider({
  config,
  children,
}: {
  config: BrowserAuthConfig | null;
  children: ReactNode;
}) {
  if (!config) return <SessionContext.Provider value={DEMO}>{children}</SessionContext.Provider>;
  return <EntraSessionLoader config={config}>{children}</EntraSessionLoader>;
}

function EntraSessionLoader({ config, children }: { config: BrowserAuthConfig; children: ReactNode }) {
  const [EntraSession, setEntraSession] = useState<EntraSessionComponent | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import("./EntraSession").then(
      (module) => live && setEntraSession(() => module.EntraSession),
      (error: unknown) =>
        live &&
        setFailure(`The sign-in code could not be loaded (${String(error)}). Reload the page to try again.`),
    );
    return () => {
      live = false;
    };
  }, []);
  if (EntraSession) return <EntraSession config={config}>{children}</EntraSession>;
  const session: ConsoleSession = failure ? { mode: "entra", status: "failed", message: failure } : STARTING;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

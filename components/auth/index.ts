// Sign-in in the browser: Entra mode through MSAL (loaded only then), nothing in demo mode.
export { AuthProvider } from "./AuthProvider";
export { AccountMenu } from "./AccountMenu";
export { SignInGate } from "./SignInGate";
export { useCanActOnJobs, useCanRunProvisioning, useConsoleSession } from "./session-context";
export type { BrowserAuthConfig } from "@/lib/api/contracts";
export type { ConsoleSession, Permission, SignedInAccount } from "./console-session";

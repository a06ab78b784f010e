"use client";
import { useEffect, useState, type ReactNode } from "react";
import { EventType, InteractionStatus, type EventMessage } from "@azure/msal-browser";
import { MsalProvider, useMsal } from "@azure/msal-react";
import { setAccessTokenSource } from "@/components/api/api-fetch";
import type { BrowserAuthConfig } from "@/lib/api/contracts";
import type { ConsoleSession } from "./console-session";
import {
  consoleApiToken,
  createEntraClient,
  describeAccount,
  signedInAccount,
  signIn,
  signOut,
} from "./entra-client";
import { SessionContext } from "./session-context";

/** Entra mode's sign-in: MSAL for the page, and the console API token on every /api call. */
export function EntraSession({ config, children }: { config: BrowserAuthConfig; children: ReactNode }) {
  const [client] = useState(() => {
    const created = createEntraClient(config);
    // Registered before anything below can render and fetch.
    setAccessTokenSource((options) => consoleApiToken(created, config, options));
    return created;
  });
  return (
    <MsalProvider instance={client}>
      <SessionFromMsal config={config}>{children}</SessionFromMsal>
    </MsalProvider>
  );
}

function SessionFromMsal({ config, children }: { config: BrowserAuthConfig; children: ReactNode }) {
  const { instance, inProgress, accounts } = useMsal();
  const [signInError, setSignInError] = useState<string | null>(null);
  useEffect(() => {
    const id = instance.addEventCallback((message: EventMessage) => {
      if (message.eventType === EventType.ACQUIRE_TOKEN_FAILURE && message.error) {
        setSignInError(message.error.message);
      }
    });
    return () => {
      if (id) instance.removeEventCallback(id);
    };
  }, [instance]);

  const account = accounts.length > 0 ? signedInAccount(instance) : null;
  let session: ConsoleSession;
  if (account) {
    session = {
      mode: "entra",
      status: "signed-in",
      account: describeAccount(account),
      signOut: () => void signOut(instance, account),
    };
  } else if (inProgress === InteractionStatus.None) {
    session = {
      mode: "entra",
      status: "signed-out",
      signIn: () => void signIn(instance, config),
      error: signInError,
    };
  } else {
    session = { mode: "entra", status: "starting" };
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

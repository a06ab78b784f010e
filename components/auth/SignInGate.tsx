"use client";
import type { ReactNode } from "react";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Button from "@mui/material/Button";
import CircularProgress from "@mui/material/CircularProgress";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { usePathname } from "next/navigation";
import { ConsentPrompt } from "./ConsentPrompt";
import { ADMINISTRATOR_ROLE, hasConsoleRole, OPERATOR_ROLE, READER_ROLE } from "./console-session";
import { useConsoleSession } from "./session-context";

/** A shared link (/s/…) is for whoever it was sent to: signed in, with or without a console role. */
const isSharedLink = (path: string | null) => path?.startsWith("/s/") ?? false;

/** The page itself once someone with a console role is signed in (always in demo mode). */
export function SignInGate({ children }: { children: ReactNode }) {
  const session = useConsoleSession();
  const path = usePathname();
  if (session.mode === "demo") return children;
  switch (session.status) {
    case "starting":
      return (
        <Stack
          direction="row"
          spacing={2}
          role="status"
          sx={{ alignItems: "center", py: 6, justifyContent: "center" }}
        >
          <CircularProgress size={24} aria-hidden />
          <Typography>Signing in…</Typography>
        </Stack>
      );
    case "failed":
      return <Alert severity="error">{session.message}</Alert>;
    case "signed-out":
      return (
        <Paper variant="outlined" sx={{ p: { xs: 3, sm: 5 }, maxWidth: 560, mx: "auto" }}>
          <Stack spacing={2}>
            <Typography variant="h4" component="h1">
              Sign in
            </Typography>
            <Typography>
              Sign in with your Microsoft Entra work account to see applications, run provisioning on demand
              and read past runs. You come back to this page afterwards.
            </Typography>
            {session.error && (
              <Alert severity="error">
                <AlertTitle>The last sign-in did not complete</AlertTitle>
                {session.error}
              </Alert>
            )}
            <div>
              <Button variant="contained" size="large" onClick={session.signIn}>
                Sign in
              </Button>
            </div>
          </Stack>
        </Paper>
      );
    case "signed-in":
      if (!hasConsoleRole(session.account) && !isSharedLink(path)) {
        return (
          <Alert severity="warning">
            <AlertTitle component="h1">No access to this console</AlertTitle>
            {session.account.name} ({session.account.username}) is signed in but holds none of the
            console&apos;s app roles ({READER_ROLE}, {OPERATOR_ROLE}, {ADMINISTRATOR_ROLE}). Ask an
            administrator to assign one to you (or to a group you are in) on the console&apos;s enterprise
            application in Entra ID, under Users and groups, then sign out and in again.
          </Alert>
        );
      }
      return (
        <>
          <ConsentPrompt />
          {children}
        </>
      );
  }
}

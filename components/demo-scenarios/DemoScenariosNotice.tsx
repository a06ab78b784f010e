"use client";
import Alert from "@mui/material/Alert";
import { LinkButton } from "@/components/LinkButton";
import { useDemoMode } from "@/components/public-settings";
import { DEMO_SCENARIOS_HREF } from "./links";

/** The home page's pointer to the guided demo, in demo mode only. */
export function DemoScenariosNotice() {
  if (!useDemoMode()) return null;
  return (
    <Alert
      severity="info"
      action={
        <LinkButton href={DEMO_SCENARIOS_HREF} color="inherit" size="small" variant="outlined">
          Demo scenarios
        </LinkButton>
      }
    >
      Giving a demo? Demo scenarios set the tenant up for each story — create, update, the skips, disable, a
      target failure, a group, Cloud Sync from AD and a quarantine — and open the right job with the object
      chosen.
    </Alert>
  );
}

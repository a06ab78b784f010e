"use client";
import NextLink from "next/link";
import { useQuery } from "@tanstack/react-query";
import MuiLink from "@mui/material/Link";
import Typography from "@mui/material/Typography";
import type { RunView } from "@/lib/api/contracts";
import { eventQueries } from "./queries";
import { eventHref, userHref } from "./user-links";

/**
 * From a run to the provisioning-log entry of the same change (joined by changeId), and the page of
 * the user it provisioned. Nothing while the run has no answer; a note while the log has no entry yet.
 */
export function RunLogLink({ run }: { run: Pick<RunView, "changeId" | "request" | "status"> }) {
  const { subject } = run.request;
  const changeId = run.status === "completed" ? run.changeId : null;
  const entry = useQuery({
    ...eventQueries.ofChange(changeId ?? ""),
    enabled: changeId !== null && subject.kind !== "group",
  });
  if (subject.kind === "group" || changeId === null || entry.isError) return null;
  const event = entry.data?.event;
  // Cloud Sync provisions an AD user: the Entra user is the event's target.
  const userId = subject.kind === "user" ? subject.objectId : (event?.target.id ?? null);
  return (
    <Typography variant="body2" sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
      {event?.id && userId ? (
        <MuiLink component={NextLink} href={eventHref(userId, event.id)}>
          The provisioning-log entry of this change
        </MuiLink>
      ) : (
        <span>Waiting for the provisioning-log entry of this change…</span>
      )}
      {userId && (
        <MuiLink component={NextLink} href={userHref(userId)}>
          This user across every application
        </MuiLink>
      )}
    </Typography>
  );
}

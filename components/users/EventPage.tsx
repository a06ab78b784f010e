"use client";
import { useQuery } from "@tanstack/react-query";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { ApiClientError } from "@/components/api/api-fetch";
import { ConsoleBreadcrumbs } from "@/components/apps/ConsoleBreadcrumbs";
import { LoadFailure, Loading } from "@/components/history/RequestStates";
import { LinkButton } from "@/components/LinkButton";
import { LogEventView } from "./LogEventView";
import { eventQueries } from "./queries";
import { userHref } from "./user-links";

/** One provisioning-log event of a user, opened from their page (or from the run of the same change). */
export function EventPage({ userId, eventId }: { userId: string; eventId: string }) {
  const event = useQuery(eventQueries.detail(eventId));
  // The user is the source of an app's event and the target of Cloud Sync's.
  const logged = event.data?.event;
  const userName =
    (logged?.target.id === userId ? logged.target.displayName : logged?.source.displayName)?.trim() ||
    "The user";
  const crumbs = [{ label: userName, href: userHref(userId) }, { label: "Provisioning event" }];

  if (event.isPending)
    return (
      <Stack spacing={2}>
        <ConsoleBreadcrumbs crumbs={crumbs} />
        <Loading text="Reading the event from the provisioning logs…" />
      </Stack>
    );
  if (event.isError) {
    const missing = event.error instanceof ApiClientError && event.error.status === 404;
    return (
      <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
        <ConsoleBreadcrumbs crumbs={crumbs} />
        <Typography variant="h4" component="h1">
          {missing ? "No such provisioning event" : "Provisioning event"}
        </Typography>
        {missing ? (
          <Typography>{event.error.message}</Typography>
        ) : (
          <LoadFailure
            title="The event could not be read"
            error={event.error}
            onRetry={() => void event.refetch()}
          />
        )}
        <LinkButton href={userHref(userId)} variant="outlined">
          Back to the user
        </LinkButton>
      </Stack>
    );
  }

  const shown = event.data.event;
  const name = shown.result.reports[0]?.reportableIdentifier ?? userName;
  return (
    <Stack spacing={3}>
      <ConsoleBreadcrumbs crumbs={crumbs} />
      <div>
        <Typography variant="h4" component="h1" sx={{ overflowWrap: "anywhere" }}>
          {shown.action ?? "Event"} · {name}
        </Typography>
        <Typography sx={{ color: "text.secondary", mt: 0.5, overflowWrap: "anywhere" }}>
          Provisioning log
          {shown.servicePrincipal.displayName ? ` of ${shown.servicePrincipal.displayName}` : ""} · event{" "}
          <code>{shown.id ?? eventId}</code>
        </Typography>
      </div>
      <LogEventView view={event.data} />
    </Stack>
  );
}

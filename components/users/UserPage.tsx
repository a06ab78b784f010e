"use client";
import { Suspense, useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { ApiClientError } from "@/components/api/api-fetch";
import { LoadFailure, Loading } from "@/components/history/RequestStates";
import { LinkButton } from "@/components/LinkButton";
import type { LogAvailability } from "@/lib/api/contracts";
import { ApplicationCard } from "./ApplicationCard";
import { eventQueries, userQueries } from "./queries";
import { UserHeader } from "./UserHeader";
import { UserLog } from "./UserLog";

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function LogUnavailable({ log }: { log: Extract<LogAvailability, { available: false }> }) {
  const title =
    log.reason === "permission"
      ? "The provisioning logs cannot be read: a permission is missing"
      : log.reason === "license"
        ? "The provisioning logs need a premium licence"
        : "The provisioning logs could not be read";
  return (
    <Alert severity="warning">
      <AlertTitle>{title}</AlertTitle>
      {log.message}
      {log.graphCode && (
        <Box sx={{ mt: 0.5 }}>
          Graph answered <code>{log.graphCode}</code>. The applications, assignments and runs below do not
          need the logs.
        </Box>
      )}
    </Alert>
  );
}

/** One user across every application with provisioning: the help desk's starting point. */
export function UserPage({ id }: { id: string }) {
  const page = useQuery(userQueries.detail(id));
  const queryClient = useQueryClient();
  // An object id in the link is all the log needs: read it beside the user instead of after.
  useEffect(() => {
    if (!OBJECT_ID.test(id) || new URLSearchParams(window.location.search).size > 0) return;
    void queryClient.prefetchInfiniteQuery(eventQueries.list({ userId: id }));
  }, [id, queryClient]);

  if (page.isPending) return <Loading text="Looking the user up in every application with provisioning…" />;
  if (page.isError) {
    const missing = page.error instanceof ApiClientError && page.error.status === 404;
    return (
      <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
        <Typography variant="h4" component="h1">
          {missing ? "No such user" : "User"}
        </Typography>
        {missing ? (
          <Typography>
            {page.error.message} Check the link, or search for the user in the box above.
          </Typography>
        ) : (
          <LoadFailure
            title="The user could not be loaded"
            error={page.error}
            onRetry={() => void page.refetch()}
          />
        )}
        <LinkButton href="/" variant="outlined">
          Back to applications
        </LinkButton>
      </Stack>
    );
  }

  const { user, applications, log, warnings } = page.data;
  return (
    <Stack spacing={4}>
      <UserHeader user={user} />
      {!log.available && <LogUnavailable log={log} />}
      {warnings.length > 0 && (
        <Alert severity="info">
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </Box>
        </Alert>
      )}
      <Box component="section" aria-labelledby="user-applications">
        <Typography variant="h5" component="h2" id="user-applications" sx={{ mb: 2 }}>
          Applications with provisioning ({applications.length})
        </Typography>
        {applications.length === 0 ? (
          <Typography sx={{ color: "text.secondary" }}>
            No application with provisioning is assigned to this user, directly or through a group, and the
            provisioning logs have no events for them.
          </Typography>
        ) : (
          <Stack spacing={2}>
            {applications.map((app) => (
              <ApplicationCard
                key={app.servicePrincipalId}
                app={app}
                userId={user.id}
                logAvailable={log.available}
              />
            ))}
          </Stack>
        )}
      </Box>
      {log.available && (
        <Box component="section" aria-labelledby="user-log">
          <Typography variant="h5" component="h2" id="user-log" sx={{ mb: 2 }}>
            Provisioning log
          </Typography>
          {/* useSearchParams in UserLog needs a Suspense boundary. */}
          <Suspense fallback={<Loading text="Reading the provisioning logs…" />}>
            <UserLog userId={user.id} applications={applications} />
          </Suspense>
        </Box>
      )}
    </Stack>
  );
}

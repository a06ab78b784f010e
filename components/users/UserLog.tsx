"use client";
import NextLink from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useInfiniteQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import FormControlLabel from "@mui/material/FormControlLabel";
import MuiLink from "@mui/material/Link";
import Switch from "@mui/material/Switch";
import TableCell from "@mui/material/TableCell";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import { runHref } from "@/components/apps/app-links";
import { CaptionedTable } from "@/components/CaptionedTable";
import { LinkedTableRow, RowLink } from "@/components/LinkedTableRow";
import { LoadFailure, Loading, LoadMore } from "@/components/history/RequestStates";
import { dateTimeText } from "@/components/jobs/when";
import { OutcomeChip } from "@/components/run-result/OutcomeChip";
import { IdText } from "@/components/IdText";
import { explainCode } from "@/lib/provisioning/explain-code";
import type { ProvisioningEventView, UserApplication } from "@/lib/api/contracts";
import { originText } from "./event-text";
import { eventQueries, type EventFilters } from "./queries";
import { eventHref } from "./user-links";

function EventRow({ view, userId }: { view: ProvisioningEventView; userId: string }) {
  const { event, run } = view;
  const when = dateTimeText(event.activityDateTime) ?? "Unknown time";
  return (
    <LinkedTableRow>
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        {event.id ? <RowLink href={eventHref(userId, event.id)}>{when}</RowLink> : when}
      </TableCell>
      <TableCell>
        {event.servicePrincipal.displayName ??
          (event.servicePrincipal.id ? <IdText>{event.servicePrincipal.id}</IdText> : "—")}
      </TableCell>
      <TableCell>{originText(event.origin)}</TableCell>
      <TableCell>{event.action ?? "—"}</TableCell>
      <TableCell>
        <OutcomeChip outcome={event.outcome} />
      </TableCell>
      <TableCell>
        {event.errorCode ? (
          <>
            {explainCode(event.errorCode).title} <code>({event.errorCode})</code>
          </>
        ) : (
          "—"
        )}
        {event.result.warnings.length > 0 && (
          <Typography variant="body2" sx={{ color: "warning.main" }}>
            Partly unreadable: open it to see the raw entry
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {run ? (
          // Above the row's stretched link, so it opens the run rather than the event.
          <MuiLink component={NextLink} href={runHref(run.id)} sx={{ position: "relative", zIndex: 1 }}>
            Console run
          </MuiLink>
        ) : (
          "—"
        )}
      </TableCell>
    </LinkedTableRow>
  );
}

/** The user's provisioning log across every application, newest first, filtered by app and failures. */
export function UserLog({
  userId,
  applications,
}: {
  userId: string;
  applications: readonly UserApplication[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const appParam = search.get("app") ?? "";
  const failuresOnly = search.get("failures") === "1";
  const known = applications.some((app) => app.servicePrincipalId === appParam);
  const servicePrincipalId = known ? appParam : undefined;
  const filters: EventFilters = { userId, servicePrincipalId, status: failuresOnly ? "failure" : undefined };
  const events = useInfiniteQuery(eventQueries.list(filters));

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Box sx={{ display: "grid", gap: 2 }}>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "center" }}>
        <TextInput
          select
          size="small"
          label="Application"
          value={servicePrincipalId ?? ""}
          onChange={(event) => setParam("app", event.target.value || null)}
          sx={{ minWidth: 240 }}
          slotProps={{ inputLabel: { shrink: true } }}
        >
          <option value="">All applications</option>
          {applications.map((app) => (
            <option key={app.servicePrincipalId} value={app.servicePrincipalId}>
              {app.displayName}
            </option>
          ))}
        </TextInput>
        <FormControlLabel
          control={
            <Switch
              checked={failuresOnly}
              onChange={(_e, checked) => setParam("failures", checked ? "1" : null)}
            />
          }
          label="Failures only"
        />
      </Box>
      {appParam !== "" && !known && (
        <Alert severity="info">
          The link asks for the events of application {appParam}, which does not provision this user; all
          applications are shown.
        </Alert>
      )}
      {events.isPending ? (
        <Loading text="Reading the provisioning logs…" />
      ) : events.isError ? (
        <LoadFailure
          title="The provisioning logs could not be read"
          error={events.error}
          onRetry={() => void events.refetch()}
        />
      ) : items.length === 0 ? (
        <Typography sx={{ color: "text.secondary" }}>
          No events{failuresOnly ? " that failed" : ""} for this user
          {servicePrincipalId ? " in this application" : ""}. The provisioning logs keep 30 days (7 on tenants
          without a premium licence).
        </Typography>
      ) : (
        <>
          <CaptionedTable
            caption="Provisioning events for this user, newest first; each opens in its steps and modified properties"
            headers={["When", "Application", "Started by", "Action", "Outcome", "Code", "Console run"]}
          >
            {items.map((view, index) => (
              <EventRow key={view.event.id ?? `entry-${index}`} view={view} userId={userId} />
            ))}
          </CaptionedTable>
          <LoadMore
            hasMore={events.hasNextPage}
            loading={events.isFetchingNextPage}
            onLoadMore={() => void events.fetchNextPage()}
            shown={`${items.length} events shown.`}
          />
        </>
      )}
    </Box>
  );
}

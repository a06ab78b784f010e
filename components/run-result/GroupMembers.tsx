"use client";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import Skeleton from "@mui/material/Skeleton";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { CaptionedTable } from "@/components/CaptionedTable";
import { runHref } from "@/components/apps/app-links";
import { runQueries } from "@/components/runs/queries";
import type { RunMember, RunRequest } from "@/lib/api/contracts";
import { explainCode } from "@/lib/provisioning/explain-code";
import { reportedMembersOf } from "@/lib/provisioning/group-members";
import type { ProvisioningReport, ReportedMember } from "@/lib/provisioning";
import { OutcomeChip } from "./OutcomeChip";
import { provisionMemberHrefOf } from "./provision-another";
import { useRunContext } from "./run-context";

function Dim({ children }: { children: string }) {
  return (
    <Box component="span" sx={{ color: "text.secondary", fontStyle: "italic" }}>
      {children}
    </Box>
  );
}

interface MemberRow {
  id: string;
  directory: RunMember | null;
  reported: ReportedMember | null;
}

/** The requested members, each matched with what the group's answer says of it (by userPrincipalName or id). */
function memberRows(memberIds: string[], directory: RunMember[], reported: ReportedMember[]): MemberRow[] {
  return memberIds.map((id) => {
    const found = directory.find((member) => member.id === id) ?? null;
    const keys = [id, found?.userPrincipalName]
      .filter((key): key is string => !!key)
      .map((key) => key.toLowerCase());
    return {
      id,
      directory: found,
      reported: reported.find((r) => keys.includes(r.label.toLowerCase())) ?? null,
    };
  });
}

function MemberLinks({ row, request }: { row: MemberRow; request: RunRequest }) {
  const latest = row.directory?.latestRun ?? null;
  return (
    <Box sx={{ display: "grid", gap: 0.5 }}>
      {latest && (
        <MuiLink component={NextLink} href={runHref(latest.id)}>
          Its own latest run
          {latest.outcome
            ? ` (${latest.outcome}${latest.action && latest.action !== "Other" ? `, ${latest.action}` : ""})`
            : ""}
        </MuiLink>
      )}
      {row.directory?.found !== false && (
        <MuiLink component={NextLink} href={provisionMemberHrefOf(request, row.id)}>
          Provision this member alone
        </MuiLink>
      )}
    </Box>
  );
}

/**
 * The members sent with a group, one row each: who they are, what the answer says happened to them,
 * and a link to their own run. Microsoft's group answer often says nothing of them; then the table
 * says so rather than leaving them out.
 */
export function GroupMembers({
  report,
  request,
}: {
  report: ProvisioningReport | null;
  request: RunRequest;
}) {
  const { runId, live } = useRunContext();
  const memberIds = request.subject.kind === "group" ? request.subject.memberIds : [];
  const lookup = useQuery({
    ...runQueries.members(runId ?? ""),
    enabled: live && !!runId && memberIds.length > 0,
  });
  if (memberIds.length === 0) {
    return <Typography sx={{ color: "text.secondary" }}>No member was sent with the group.</Typography>;
  }
  const reported = report ? reportedMembersOf(report) : [];
  const rows = memberRows(memberIds, lookup.data?.items ?? [], reported);
  return (
    <Box sx={{ display: "grid", gap: 1.5 }}>
      {reported.length === 0 && (
        <Typography variant="body2">
          The answer does not say what happened to each member; the members&apos; own runs, or the
          application&apos;s provisioning logs, do.
        </Typography>
      )}
      {lookup.isError && (
        <Alert severity="warning">The members could not be looked up: {lookup.error.message}</Alert>
      )}
      <CaptionedTable
        caption={`Members sent with the group (${memberIds.length})`}
        headers={["Name", "User principal name", "Outcome", "Action", "Error or reason", "Runs"]}
      >
        {rows.map((row) => {
          const code = row.reported?.errorCode ?? null;
          const loading = lookup.isPending && live;
          return (
            <TableRow key={row.id}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
                {loading ? (
                  <Skeleton width={120} />
                ) : row.directory?.displayName ? (
                  row.directory.displayName
                ) : row.directory?.found === false ? (
                  <Dim>not in the directory</Dim>
                ) : (
                  <Box component="code" sx={{ fontSize: "0.85em" }}>
                    {row.id}
                  </Box>
                )}
              </TableCell>
              <TableCell>
                {row.directory?.userPrincipalName ??
                  row.reported?.label ??
                  (loading ? <Skeleton width={160} /> : <Dim>unknown</Dim>)}
              </TableCell>
              <TableCell>
                {row.reported?.outcome ? (
                  <OutcomeChip outcome={row.reported.outcome} />
                ) : (
                  <Dim>not reported</Dim>
                )}
                {row.reported?.membership && (
                  <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
                    {row.reported.membership}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{row.reported?.action ?? <Dim>—</Dim>}</TableCell>
              <TableCell>
                {code ? (
                  <>
                    {explainCode(code).title}{" "}
                    <Box component="code" sx={{ fontSize: "0.85em" }}>
                      ({code})
                    </Box>
                  </>
                ) : (
                  <Dim>none</Dim>
                )}
              </TableCell>
              <TableCell>
                <MemberLinks row={row} request={request} />
              </TableCell>
            </TableRow>
          );
        })}
      </CaptionedTable>
    </Box>
  );
}

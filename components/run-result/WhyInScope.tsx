"use client";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { CaptionedTable } from "@/components/CaptionedTable";
import type { ScopeDecision, ScopeFilterView } from "@/lib/api/contracts";
import { StatusChip } from "./OutcomeChip";

function Held({ held }: { held: boolean | null }) {
  if (held === null) return <StatusChip tone="neutral" label="Not known" />;
  return <StatusChip tone={held ? "success" : "warning"} label={held ? "Yes" : "No"} />;
}

const FROM: Record<ScopeFilterView["clauses"][number]["valueFrom"], string> = {
  import: "from the Import step",
  graph: "from Microsoft Graph, now",
  none: "no value",
};

function valueText(value: string | string[] | null): string | null {
  if (value === null) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

function FilterTable({ caption, filters }: { caption: string; filters: ScopeFilterView[] }) {
  return (
    <CaptionedTable caption={caption} headers={["Filter", "Clause", "The user's value", "Held", "Why"]}>
      {filters.flatMap((filter, f) =>
        filter.clauses.map((clause, c) => {
          const value = valueText(clause.value);
          return (
            <TableRow key={`${f}-${c}`}>
              <TableCell>
                {filter.name ?? "(unnamed)"}
                {c === 0 && (
                  <Box sx={{ mt: 0.5 }}>
                    <StatusChip
                      tone={filter.held ? "success" : "warning"}
                      label={filter.held ? "filter holds" : "filter does not hold"}
                    />
                  </Box>
                )}
              </TableCell>
              <TableCell sx={{ fontFamily: "monospace" }}>
                {[clause.attribute, clause.operator, clause.values.map((v) => `'${v}'`).join(", ")]
                  .filter(Boolean)
                  .join(" ")}
              </TableCell>
              <TableCell>
                {value === null || value === "" ? (
                  <Box component="span" sx={{ color: "text.secondary", fontStyle: "italic" }}>
                    no value
                  </Box>
                ) : (
                  <Box component="span" sx={{ fontFamily: "monospace" }}>
                    {value}
                  </Box>
                )}
                {clause.valueFrom !== "none" && (
                  <Typography variant="caption" component="div" sx={{ color: "text.secondary" }}>
                    {FROM[clause.valueFrom]}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <Held held={clause.held} />
              </TableCell>
              <TableCell>
                <Typography variant="body2">
                  {clause.note ?? (clause.held ? "" : "The values differ.")}
                </Typography>
              </TableCell>
            </TableRow>
          );
        }),
      )}
    </CaptionedTable>
  );
}

function AssignmentCheck({ assignment }: { assignment: NonNullable<ScopeDecision["assignment"]> }) {
  const setting =
    assignment.setting === "syncAll"
      ? "The job provisions all users and groups (\u201cSync all users and groups\u201d), so an assignment is not needed."
      : assignment.setting === "syncAssigned"
        ? "The job provisions only assigned users and groups (\u201cSync only assigned users and groups\u201d): the user must be assigned directly, or be a direct member of an assigned group."
        : "The job's scope setting (sync all, or only assigned) could not be read.";
  const from =
    assignment.settingFrom === "run"
      ? " The run shows it: the user is not assigned, yet entitled."
      : assignment.settingFrom === "settings"
        ? " (From the application's provisioning settings.)"
        : "";
  const groups = assignment.viaGroups.map((g) => g.displayName ?? g.id);
  return (
    <Box sx={{ display: "grid", gap: 0.75 }}>
      <Typography variant="body2">
        {setting}
        {from}
      </Typography>
      <Box
        component="dl"
        aria-label="Assignment check"
        sx={{
          m: 0,
          display: "grid",
          gridTemplateColumns: "max-content auto",
          columnGap: 2,
          rowGap: 0.5,
          alignItems: "center",
          justifyContent: "start",
        }}
      >
        <Box component="dt" sx={{ fontSize: "0.875rem" }}>
          Assigned directly
        </Box>
        <Box component="dd" sx={{ m: 0 }}>
          <Held held={assignment.direct} />
        </Box>
        <Box component="dt" sx={{ fontSize: "0.875rem" }}>
          Assigned through a group
        </Box>
        <Box component="dd" sx={{ m: 0, fontSize: "0.875rem" }}>
          {groups.length > 0 ? (
            groups.join(", ")
          ) : assignment.direct === true ? (
            "Not needed: assigned directly"
          ) : (
            <Held held={assignment.direct === null ? null : false} />
          )}
        </Box>
        <Box component="dt" sx={{ fontSize: "0.875rem", fontWeight: 700 }}>
          Assignment check passes
        </Box>
        <Box component="dd" sx={{ m: 0 }}>
          <Held held={assignment.holds} />
        </Box>
      </Box>
    </Box>
  );
}

/**
 * Why the user is in or out of scope, from the schema and the directory: the assignment check, and each
 * scoping filter with each clause, the user's value and whether it held.
 */
export function WhyInScope({ decision }: { decision: ScopeDecision }) {
  const { filters } = decision;
  return (
    <Box component="section" aria-label="Why in or out of scope" sx={{ mt: 1.5, display: "grid", gap: 1.5 }}>
      <Typography variant="subtitle2" component="h4">
        Why in or out of scope
      </Typography>
      {decision.filtersIgnoredOnDemand && (
        <Alert severity="info">
          This is Cloud Sync: provisioning on demand does not apply its scoping filters, so the user is
          provisioned even outside the filters or organizational units the configuration names. A scheduled
          cycle does apply them.
        </Alert>
      )}
      {decision.assignment && <AssignmentCheck assignment={decision.assignment} />}
      {filters.unreadable && (
        <Alert severity="warning">
          The rule has a scoping filter that could not be read, so it is not evaluated here.
        </Alert>
      )}
      {!filters.hasFilter && (
        <Typography variant="body2">
          The {decision.objectMappingName ?? "object mapping"} has no scoping filter: every object passes.
        </Typography>
      )}
      {filters.groups.length > 0 && (
        <>
          <Typography variant="body2">
            Scoping filters: every clause of a filter must hold (AND), and one filter that holds is enough
            (OR). A clause on an empty value is false. In scope by the filters:{" "}
            <strong>{filters.inScope === null ? "not known" : filters.inScope ? "yes" : "no"}</strong>.
          </Typography>
          <FilterTable caption="Each scoping clause with the user's value" filters={filters.groups} />
        </>
      )}
      {filters.inputGroups.length > 0 && (
        <FilterTable
          caption="Input filters (leaving them does not deprovision)"
          filters={filters.inputGroups}
        />
      )}
      {filters.unknownOperators.length > 0 && (
        <Alert severity="warning">
          Operators this console does not know, counted as false: {filters.unknownOperators.join(", ")}.
        </Alert>
      )}
      {decision.agreesWithRun === false && (
        <Alert severity="warning">
          The run&apos;s Scoping step says otherwise than this evaluation: the user&apos;s values or the
          filter may have changed since the run. The values marked &quot;from Microsoft Graph, now&quot; are
          today&apos;s.
        </Alert>
      )}
    </Box>
  );
}

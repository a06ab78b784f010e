"use client";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { CaptionedTable } from "@/components/CaptionedTable";
import type { ReportedClause, ScopeFacts } from "@/lib/provisioning";
import { StatusChip } from "./OutcomeChip";

function YesNo({ value, good = true }: { value: boolean | null; good?: boolean }) {
  if (value === null) return <StatusChip tone="neutral" label="Not reported" />;
  return <StatusChip tone={value === good ? "success" : "warning"} label={value ? "Yes" : "No"} />;
}

function clauseWords(clause: ReportedClause): string {
  if (!clause.operator) return clause.text;
  const values = clause.values.map((v) => `'${v}'`).join(", ");
  return [clause.attribute, clause.operator, values].filter(Boolean).join(" ");
}

function valueOf(imported: Record<string, string>, attribute: string | null): string | null {
  if (!attribute) return null;
  const wanted = attribute.toLowerCase();
  for (const [name, value] of Object.entries(imported)) if (name.toLowerCase() === wanted) return value;
  return null;
}

/**
 * The Scoping step's details as a person reads them: each check with Yes or No, and each scoping
 * clause with the value the Import step read and whether it held — never the raw JSON.
 */
export function ScopeEvaluation({
  facts,
  imported,
  showClauses = true,
}: {
  facts: ScopeFacts;
  imported: Record<string, string>;
  /** False when a fuller table of the same clauses follows. */
  showClauses?: boolean;
}) {
  const checks: [string, boolean | null][] =
    facts.flavour === "cloudSync"
      ? [
          ["Active in the source system", facts.isActive],
          ["Scoping filter evaluation passed", facts.inScope],
        ]
      : [
          ["Active in the source (enabled, not deleted)", facts.isActive],
          ["Assigned to the application", facts.assigned],
          ["Inside the scoping filters", facts.inScope],
          ["Effectively entitled for provisioning", facts.entitled],
        ];
  return (
    <Box sx={{ mt: 1.5, display: "grid", gap: 1.5 }}>
      <Box
        component="dl"
        aria-label="Scope checks"
        sx={{
          m: 0,
          display: "grid",
          // A check's name wraps when the step is narrow, rather than pushing its answer out of view.
          gridTemplateColumns: "minmax(0, max-content) auto",
          columnGap: 2,
          rowGap: 0.75,
          alignItems: "center",
          justifyContent: "start",
        }}
      >
        {checks.map(([name, value]) => (
          <Box key={name} sx={{ display: "contents" }}>
            <Box component="dt" sx={{ fontSize: "0.875rem" }}>
              {name}
            </Box>
            <Box component="dd" sx={{ m: 0 }}>
              <YesNo value={value} />
            </Box>
          </Box>
        ))}
      </Box>
      {showClauses && facts.filters.length > 0 && (
        <CaptionedTable
          caption="Scoping filters: every clause of a filter must hold; one filter that holds is enough."
          headers={["Filter", "Clause", "Value read at import", "Held"]}
        >
          {facts.filters.flatMap((filter, f) =>
            filter.clauses.map((clause, c) => {
              const value = valueOf(imported, clause.attribute);
              return (
                <TableRow key={`${f}-${c}`}>
                  <TableCell>{filter.name ?? "(unnamed)"}</TableCell>
                  <TableCell sx={{ fontFamily: "monospace" }}>{clauseWords(clause)}</TableCell>
                  <TableCell>
                    {value === null ? (
                      <Box component="span" sx={{ color: "text.secondary", fontStyle: "italic" }}>
                        no value
                      </Box>
                    ) : (
                      <Box component="span" sx={{ fontFamily: "monospace" }}>
                        {value}
                      </Box>
                    )}
                  </TableCell>
                  <TableCell>
                    <YesNo value={clause.held} />
                  </TableCell>
                </TableRow>
              );
            }),
          )}
        </CaptionedTable>
      )}
      {facts.filters.length === 0 && facts.flavour === "app" && facts.unreadableEvaluation === null && (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          No scoping filter applies to this object.
        </Typography>
      )}
      {facts.unreadableEvaluation !== null && (
        <Alert severity="warning">
          The scope evaluation could not be read as clauses; the service wrote:{" "}
          <Box component="code" sx={{ overflowWrap: "anywhere" }}>
            {facts.unreadableEvaluation}
          </Box>
        </Alert>
      )}
    </Box>
  );
}

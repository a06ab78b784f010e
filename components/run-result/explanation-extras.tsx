"use client";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { runQueries } from "@/components/runs/queries";
import type { RunContent, RunExplanation } from "@/lib/api/contracts";
import { explainReport } from "@/lib/provisioning/explain-report";
import type { ModifiedProperty, ProvisioningReport } from "@/lib/provisioning";
import type { ReportExtras } from "./ReportSections";
import { WhyInScope } from "./WhyInScope";
import { WhyThisValue } from "./WhyThisValue";

/** Asks for the explanation once it is shown: opening a property's "why" is what loads the mappings. */
function WhenShown({ onShown, children }: { onShown: () => void; children: ReactNode }) {
  useEffect(onShown, [onShown]);
  return <>{children}</>;
}

function PropertyWhy({
  query,
  index,
  property,
  sourceObject,
}: {
  query: UseQueryResult<RunExplanation>;
  index: number;
  property: ModifiedProperty;
  sourceObject: string;
}) {
  if (query.isError)
    return (
      <Typography variant="body2">
        The job&apos;s mappings could not be read: {query.error.message}
      </Typography>
    );
  if (!query.data) return <Skeleton width="60%" aria-label={`Loading the mapping of ${property.name}`} />;
  if (!query.data.rule && query.data.warnings.length > 0)
    return <Typography variant="body2">{query.data.warnings[0]}</Typography>;
  const entry = query.data.reports[index];
  return (
    <WhyThisValue
      explanation={entry?.properties.find((p) => p.property === property.name)}
      sourceObject={sourceObject}
    />
  );
}

/**
 * The explanations of a finished run that need the job's schema and the directory: the mapping behind
 * each value and the scope decision. They load at once for a run that left scope (that is the question
 * then), and otherwise when asked for; never on a shared link, whose reader may not be signed in.
 */
export function useExplanationExtras(
  run: RunContent & { id?: string },
  live: boolean,
): ReportExtras | undefined {
  const reports = run.status === "completed" ? (run.result?.reports ?? []) : [];
  const leftScope = reports.some((report) => explainReport(report).reasons.length > 0);
  const [asked, setAsked] = useState(false);
  const ask = useCallback(() => setAsked(true), []);
  const available = live && run.id !== undefined && reports.length > 0;
  const query = useQuery({
    ...runQueries.explanation(run.id ?? ""),
    enabled: available && (leftScope || asked),
  });
  if (!available) return undefined;
  const sourceObjectOf = (report: ProvisioningReport) =>
    report.source.type ?? (run.request.subject.kind === "group" ? "Group" : "User");

  return {
    explainProperty: (report, property) => (
      <WhenShown onShown={ask}>
        <PropertyWhy
          query={query}
          index={reports.indexOf(report)}
          property={property}
          sourceObject={sourceObjectOf(report)}
        />
      </WhenShown>
    ),
    scopeDetail(report) {
      if (!query.data && !query.isError) {
        if (!leftScope && !asked)
          return {
            node: (
              <Button size="small" sx={{ mt: 1, ml: -1 }} onClick={ask}>
                Why in scope? Check the assignment and each filter
              </Button>
            ),
            replacesClauses: false,
          };
        return {
          node: <Skeleton height={64} aria-label="Loading the scope decision" />,
          replacesClauses: false,
        };
      }
      if (query.isError)
        return {
          node: (
            <Alert severity="warning">
              Why the user is in or out of scope could not be worked out: {query.error.message}
            </Alert>
          ),
          replacesClauses: false,
        };
      const decision = query.data?.reports[reports.indexOf(report)]?.scope;
      if (!decision) return null;
      return {
        node: <WhyInScope decision={decision} />,
        replacesClauses: decision.filters.groups.length > 0,
      };
    },
    warnings: query.data?.warnings ?? [],
  };
}

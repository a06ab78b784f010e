"use client";
import Alert from "@mui/material/Alert";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { runQueries } from "@/components/runs/queries";
import type { RunView } from "@/lib/api/contracts";
import type { ProvisioningReport } from "@/lib/provisioning";
import type { ReportExtras } from "./ReportSections";
import { WhyInScope } from "./WhyInScope";
import { WhyThisValue } from "./WhyThisValue";

/**
 * The explanations of a finished run that need the job's schema and the directory: the mapping behind
 * each value and the scope decision. Only on a live page; a shared link shows the answer alone.
 */
export function useExplanationExtras(run: RunView, live: boolean): ReportExtras | undefined {
  const enabled = live && run.status === "completed" && (run.result?.reports.length ?? 0) > 0;
  const query = useQuery({ ...runQueries.explanation(run.id), enabled });
  if (!enabled) return undefined;
  const reports = run.result?.reports ?? [];
  const entryOf = (report: ProvisioningReport) => query.data?.reports[reports.indexOf(report)];
  const sourceObjectOf = (report: ProvisioningReport) =>
    report.source.type ?? (run.request.subject.kind === "group" ? "Group" : "User");

  return {
    explainProperty(report, property) {
      if (query.isPending) return <Skeleton width="60%" aria-label="Loading the mapping" />;
      if (query.isError)
        return (
          <Typography variant="body2">
            The job&apos;s mappings could not be read: {query.error.message}
          </Typography>
        );
      if (query.data.warnings.length > 0 && !query.data.rule)
        return <Typography variant="body2">{query.data.warnings[0]}</Typography>;
      const entry = entryOf(report);
      return (
        <WhyThisValue
          explanation={entry?.properties.find((p) => p.property === property.name)}
          sourceObject={sourceObjectOf(report)}
        />
      );
    },
    scopeDetail(report) {
      if (query.isPending)
        return {
          node: <Skeleton height={64} aria-label="Loading the scope decision" />,
          replacesClauses: false,
        };
      if (query.isError)
        return {
          node: (
            <Alert severity="warning">
              Why the user is in or out of scope could not be worked out: {query.error.message}
            </Alert>
          ),
          replacesClauses: false,
        };
      const decision = entryOf(report)?.scope;
      if (!decision) return null;
      return {
        node: <WhyInScope decision={decision} />,
        replacesClauses: decision.filters.groups.length > 0,
      };
    },
    warnings: query.data?.warnings ?? [],
  };
}

"use client";
import type { ReactNode } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { RunRequest } from "@/lib/api/contracts";
import { importedAttributesOf } from "@/lib/provisioning/scope-facts";
import { stepVerdictOf } from "@/lib/provisioning/explain-report";
import type { ModifiedProperty, ProvisioningReport, ProvisioningResult } from "@/lib/provisioning";
import { ExplanationAlert } from "./ExplanationAlert";
import { GroupMembers } from "./GroupMembers";
import { ModifiedProperties } from "./ModifiedProperties";
import { OutcomeChip } from "./OutcomeChip";
import { serviceMessageOf, useReportExplanation } from "./OutcomeAlert";
import { reportName } from "./report-facts";
import { ScopeEvaluation } from "./ScopeEvaluation";
import { StepTimeline } from "./StepTimeline";

type Level = 2 | 3;

function Heading({ level, children }: { level: Level; children: ReactNode }) {
  return (
    <Typography variant={level === 2 ? "h5" : "h6"} component={level === 2 ? "h2" : "h3"} sx={{ mb: 1.5 }}>
      {children}
    </Typography>
  );
}

/** What each part of the result may add to a report's sections: the run's own explanations of values and scope. */
export interface ReportExtras {
  /** Why a property has its value; null when there is nothing to add. */
  explainProperty?: (report: ProvisioningReport, property: ModifiedProperty) => ReactNode;
  /** The scope decision, shown under the Scoping step; it may stand in for the answer's own clause table. */
  scopeDetail?: (report: ProvisioningReport) => { node: ReactNode; replacesClauses: boolean } | null;
  /** What could not be read for these explanations. */
  warnings?: string[];
}

function ReportBody({
  report,
  level,
  name,
  explain,
  extras,
}: {
  report: ProvisioningReport;
  level: Level;
  name: string;
  /** Whether to explain the report here (the summary already explains a run's only report). */
  explain: boolean;
  extras: ReportExtras;
}) {
  const explanation = useReportExplanation(report);
  const outOfScope = explanation.reasons.length > 0;
  const imported = importedAttributesOf(report);
  const skipped = explanation.properties === "evaluated";
  return (
    <Stack spacing={3}>
      {explain && <ExplanationAlert explanation={explanation} serviceMessage={serviceMessageOf(report)} />}
      <Box component="section">
        <Heading level={level}>Steps</Heading>
        <StepTimeline
          steps={report.steps}
          startTime={report.startTime}
          verdictOf={(step) => (step.kind === "Scoping" ? stepVerdictOf(step, outOfScope) : null)}
          extraOf={(step) => {
            if (step.kind !== "Scoping" || !explanation.scope) return null;
            const detail = extras.scopeDetail?.(report) ?? null;
            return (
              <>
                <ScopeEvaluation
                  facts={explanation.scope}
                  imported={imported}
                  showClauses={!detail?.replacesClauses}
                />
                {detail?.node}
              </>
            );
          }}
        />
      </Box>
      <Box component="section">
        <Heading level={level}>{skipped ? "Values the service evaluated" : "Modified properties"}</Heading>
        <ModifiedProperties
          properties={report.modifiedProperties}
          meaning={explanation.properties}
          caption={`${skipped ? "Values evaluated for" : "Properties of"} ${name}`}
          explainProperty={
            extras.explainProperty ? (property) => extras.explainProperty!(report, property) : undefined
          }
        />
      </Box>
    </Stack>
  );
}

function MembersSection({
  report,
  request,
  level,
}: {
  report: ProvisioningReport | null;
  request: RunRequest | undefined;
  level: Level;
}) {
  if (request?.subject.kind !== "group") return null;
  return (
    <Box component="section">
      <Heading level={level}>Members</Heading>
      <GroupMembers report={report} request={request} />
    </Box>
  );
}

/**
 * One set of steps and properties per object; several objects get a section each; a run's group
 * lists its members. A provisioning-log event has no request: it says whether it was a group's.
 */
export function ReportSections({
  result,
  request,
  groupEvent = false,
  extras = {},
}: {
  result: ProvisioningResult;
  request?: RunRequest;
  groupEvent?: boolean;
  extras?: ReportExtras;
}) {
  const { reports } = result;
  const groupRun = request ? request.subject.kind === "group" : groupEvent;
  if (reports.length === 0) {
    return (
      <Stack spacing={4}>
        <Box component="section">
          <Heading level={2}>Steps</Heading>
          <Alert severity="info">
            The service returned no per-object report for this {groupRun ? "group " : ""}run, so there are no
            steps or property changes to show. The outcome above is everything Graph said
            {groupRun ? "; the application's provisioning logs have the details for each member" : ""}.
          </Alert>
        </Box>
        <MembersSection report={null} request={request} level={2} />
      </Stack>
    );
  }
  const warnings = extras.warnings?.length ? (
    <Alert severity="warning">Some explanations below are incomplete: {extras.warnings.join(" ")}</Alert>
  ) : null;
  if (reports.length === 1) {
    const report = reports[0]!;
    return (
      <Stack spacing={4}>
        {warnings}
        <ReportBody report={report} level={2} name={reportName(report, 0)} explain={false} extras={extras} />
        <MembersSection report={report} request={request} level={2} />
      </Stack>
    );
  }
  return (
    <Stack spacing={4}>
      {warnings}
      {reports.map((report, index) => {
        const name = reportName(report, index);
        return (
          <Box component="section" key={index}>
            <Typography
              variant="h5"
              component="h2"
              sx={{ mb: 1.5, display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1.5 }}
            >
              <span>
                {name}
                {report.action && (
                  <Typography component="span" sx={{ color: "text.secondary", fontSize: "1rem" }}>
                    {" "}
                    · {report.action}
                  </Typography>
                )}
              </span>
              <OutcomeChip outcome={report.status} />
            </Typography>
            <ReportBody report={report} level={3} name={name} explain extras={extras} />
          </Box>
        );
      })}
      <MembersSection
        report={reports.find((r) => r.source.type?.toLowerCase() === "group") ?? null}
        request={request}
        level={2}
      />
    </Stack>
  );
}

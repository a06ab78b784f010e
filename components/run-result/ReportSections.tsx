"use client";
import type { ReactNode } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { ProvisioningReport, ProvisioningResult } from "@/lib/provisioning";
import { CodeExplanationAlert } from "./CodeExplanationAlert";
import { ModifiedProperties } from "./ModifiedProperties";
import { OutcomeChip } from "./OutcomeChip";
import { reportCodeOf, reportName } from "./report-facts";
import { StepTimeline } from "./StepTimeline";

type Level = 2 | 3;

function Heading({ level, children }: { level: Level; children: ReactNode }) {
  return (
    <Typography variant={level === 2 ? "h5" : "h6"} component={level === 2 ? "h2" : "h3"} sx={{ mb: 1.5 }}>
      {children}
    </Typography>
  );
}

function ReportBody({
  report,
  level,
  name,
  explain,
}: {
  report: ProvisioningReport;
  level: Level;
  name: string;
  explain: boolean;
}) {
  const code = explain ? reportCodeOf(report) : null;
  return (
    <Stack spacing={3}>
      {code && (
        <CodeExplanationAlert
          code={code}
          message={report.statusInfo.reason ?? report.statusInfo.additionalDetails}
          recommendedAction={report.statusInfo.recommendedAction}
        />
      )}
      <Box component="section">
        <Heading level={level}>Steps</Heading>
        <StepTimeline steps={report.steps} startTime={report.startTime} />
      </Box>
      <Box component="section">
        <Heading level={level}>Modified properties</Heading>
        <ModifiedProperties
          properties={report.modifiedProperties}
          outcome={report.status}
          caption={`Properties of ${name}`}
        />
      </Box>
    </Stack>
  );
}

/** One set of steps and properties per object; several objects get a section each. */
export function ReportSections({ result, groupRun }: { result: ProvisioningResult; groupRun: boolean }) {
  const { reports } = result;
  if (reports.length === 0) {
    return (
      <Box component="section">
        <Heading level={2}>Steps</Heading>
        <Alert severity="info">
          The service returned no per-object report for this {groupRun ? "group " : ""}run, so there are no
          steps or property changes to show. The outcome above is everything Graph said
          {groupRun ? "; the application's provisioning logs have the details for each member" : ""}.
        </Alert>
      </Box>
    );
  }
  if (reports.length === 1) {
    const report = reports[0]!;
    // The summary already explains the run's code; repeat it here only when this report has a different one.
    const explain = reportCodeOf(report) !== null && reportCodeOf(report) !== result.errorCode;
    return <ReportBody report={report} level={2} name={reportName(report, 0)} explain={explain} />;
  }
  return (
    <Stack spacing={4}>
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
            <ReportBody report={report} level={3} name={name} explain />
          </Box>
        );
      })}
    </Stack>
  );
}

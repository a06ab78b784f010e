"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import { explainReport } from "@/lib/provisioning/explain-report";
import type { ProvisioningReport, ProvisioningResult } from "@/lib/provisioning";
import { CodeExplanationAlert } from "./CodeExplanationAlert";
import { ExplanationAlert } from "./ExplanationAlert";
import { OutcomeChip } from "./OutcomeChip";
import { reportCodeOf, reportName } from "./report-facts";
import { useRunContext } from "./run-context";

/** The explanation of one report, with the names the run knows. */
export function useReportExplanation(report: ProvisioningReport) {
  const { applicationName } = useRunContext();
  return explainReport(report, { target: applicationName });
}

/** What the service itself wrote about a report, for quoting. */
export function serviceMessageOf(report: ProvisioningReport, result?: ProvisioningResult): string | null {
  const info = report.statusInfo;
  return info.reason?.trim() || info.additionalDetails?.trim() || result?.errorMessage?.trim() || null;
}

/** Several objects: each one's outcome and headline in a line; their own sections explain them. */
function ObjectsOverview({ result }: { result: ProvisioningResult }) {
  const { applicationName } = useRunContext();
  const severity = result.outcome === "Failure" ? "error" : result.outcome === "Success" ? "success" : "info";
  return (
    <Alert severity={severity}>
      <AlertTitle>{result.reports.length} objects in this run</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: "none", display: "grid", gap: 0.75 }}>
        {result.reports.map((report, index) => (
          <Box
            component="li"
            key={index}
            sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}
          >
            <OutcomeChip outcome={report.status} />
            <strong>{reportName(report, index)}</strong>
            <span>· {explainReport(report, { target: applicationName }).headline}</span>
          </Box>
        ))}
      </Box>
    </Alert>
  );
}

function SingleReportAlert({ report, result }: { report: ProvisioningReport; result: ProvisioningResult }) {
  const explanation = useReportExplanation(report);
  return <ExplanationAlert explanation={explanation} serviceMessage={serviceMessageOf(report, result)} />;
}

/** What the run's outcome means, computed from what its reports' steps say. */
export function OutcomeAlert({ result }: { result: ProvisioningResult }) {
  const { reports } = result;
  if (reports.length > 1) {
    // A code that belongs to one object is explained in that object's section, not as the run's verdict.
    const ownCode =
      result.errorCode !== null && !reports.some((report) => reportCodeOf(report) === result.errorCode);
    return (
      <>
        {ownCode && result.errorCode && (
          <CodeExplanationAlert code={result.errorCode} message={result.errorMessage} />
        )}
        <ObjectsOverview result={result} />
      </>
    );
  }
  const report = reports[0];
  if (report) return <SingleReportAlert report={report} result={result} />;
  if (result.errorCode) return <CodeExplanationAlert code={result.errorCode} message={result.errorMessage} />;
  switch (result.outcome) {
    case "Success":
      return (
        <Alert severity="success">
          Provisioning succeeded. The service reported no details for the object
          {result.errorMessage ? `: “${result.errorMessage}”` : "."}
        </Alert>
      );
    case "Failure":
      return <CodeExplanationAlert code="" message={result.errorMessage} />;
    case "Skipped":
      return (
        <Alert severity="info">
          The service skipped the object without naming a reason
          {result.errorMessage ? `: “${result.errorMessage}”` : "."}
        </Alert>
      );
    default:
      return null;
  }
}

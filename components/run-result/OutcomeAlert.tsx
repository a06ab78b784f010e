import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import { explainCode, type ProvisioningResult } from "@/lib/provisioning";
import { CodeExplanationAlert } from "./CodeExplanationAlert";
import { OutcomeChip } from "./OutcomeChip";
import { reportCodeOf, reportName } from "./report-facts";

/** Several objects: each one's outcome in a line; their own codes are explained in their sections. */
function ObjectsOverview({ result }: { result: ProvisioningResult }) {
  const severity = result.outcome === "Failure" ? "error" : result.outcome === "Success" ? "success" : "info";
  return (
    <Alert severity={severity}>
      <AlertTitle>{result.reports.length} objects in this run</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: "none", display: "grid", gap: 0.75 }}>
        {result.reports.map((report, index) => {
          const code = reportCodeOf(report);
          return (
            <Box
              component="li"
              key={index}
              sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}
            >
              <OutcomeChip outcome={report.status} />
              <strong>{reportName(report, index)}</strong>
              {report.action && <span>· {report.action}</span>}
              {code && <span>· {explainCode(code).title}</span>}
            </Box>
          );
        })}
      </Box>
    </Alert>
  );
}

/** What the run's outcome means: its code explained, or a plain sentence when there is no code. */
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
  if (result.errorCode) {
    return (
      <CodeExplanationAlert
        code={result.errorCode}
        message={result.errorMessage}
        recommendedAction={report?.statusInfo.recommendedAction}
      />
    );
  }
  switch (result.outcome) {
    case "Success": {
      const what = [report?.action, report?.target.system && `in ${report.target.system}`]
        .filter(Boolean)
        .join(" ");
      return <Alert severity="success">Provisioning succeeded{what ? `: ${what}` : ""}.</Alert>;
    }
    case "Failure":
      return <CodeExplanationAlert code="" message={result.errorMessage} />;
    case "Skipped":
      return (
        <Alert severity="info">
          The service skipped the object without naming a reason
          {result.errorMessage ? `: “${result.errorMessage}”` : "."} Look at the scoping and export steps
          below.
        </Alert>
      );
    default:
      return null;
  }
}

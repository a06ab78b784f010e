import type { ProvisioningReport } from "@/lib/provisioning";

/** The code that explains a report: its error code, else the skip reason one of its steps names. */
export function reportCodeOf(report: ProvisioningReport): string | null {
  const errorCode = report.statusInfo.errorCode?.trim();
  if (errorCode) return errorCode;
  for (const step of report.steps) {
    const reason = step.details.SkipReason?.trim();
    if (reason) return reason;
  }
  return null;
}

/** The object a report is about, in the most readable form the answer offers. */
export function reportName(report: ProvisioningReport, index: number): string {
  return (
    report.reportableIdentifier ?? report.source.displayName ?? report.source.id ?? `Object ${index + 1}`
  );
}

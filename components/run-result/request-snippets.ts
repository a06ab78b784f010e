import type { RunRequest } from "@/lib/api/contracts";
import { requestBodyOf } from "@/lib/provisioning/request-body";

export const GRAPH_V1_ENDPOINT = "https://graph.microsoft.com/v1.0";

const BARE_POWERSHELL_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A PowerShell single-quoted literal: nothing inside expands; quotes (PowerShell also treats ‘ ’ ‚ ‛ as quotes) are doubled. */
export function powerShellString(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/** A POSIX shell single-quoted word: nothing inside expands; a quote ends the word, is escaped, and reopens it. */
export function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function powerShellValue(value: unknown, indent: string): string {
  if (value === null || value === undefined) return "$null";
  if (typeof value === "string") return powerShellString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "$null";
  if (typeof value === "boolean") return value ? "$true" : "$false";
  const inner = `${indent}\t`;
  if (Array.isArray(value)) {
    if (value.length === 0) return "@()";
    const items = value.map((item) => `${inner}${powerShellValue(item, inner)}`);
    return `@(\n${items.join("\n")}\n${indent})`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "@{}";
  const lines = entries.map(([key, item]) => {
    const name = BARE_POWERSHELL_KEY.test(key) ? key : powerShellString(key);
    return `${inner}${name} = ${powerShellValue(item, inner)}`;
  });
  return `@{\n${lines.join("\n")}\n${indent}}`;
}

/**
 * The same provisionOnDemand call as a Microsoft Graph PowerShell script.
 * Throws ProvisionRequestError (naming the field) when the stored request is not a valid one.
 */
export function toPowerShell(request: RunRequest): string {
  const body = requestBodyOf(request.ruleId, request.subject);
  return [
    "# Needs the Microsoft.Graph.Applications module and Connect-MgGraph -Scopes 'Synchronization.ReadWrite.All'",
    "Import-Module Microsoft.Graph.Applications",
    "",
    `$params = ${powerShellValue(body, "")}`,
    "",
    [
      "New-MgServicePrincipalSynchronizationJobOnDemand",
      `-ServicePrincipalId ${powerShellString(request.servicePrincipalId)}`,
      `-SynchronizationJobId ${powerShellString(request.jobId)}`,
      "-BodyParameter $params",
    ].join(" "),
    "",
  ].join("\n");
}

/** The Graph URL of provisionOnDemand for the request's job, path segments encoded. */
export function provisionOnDemandUrl(request: RunRequest, endpoint = GRAPH_V1_ENDPOINT): string {
  const spId = encodeURIComponent(request.servicePrincipalId);
  const jobId = encodeURIComponent(request.jobId);
  return `${endpoint.replace(/\/+$/, "")}/servicePrincipals/${spId}/synchronization/jobs/${jobId}/provisionOnDemand`;
}

/**
 * The same call as curl for a POSIX shell; the token is read from $GRAPH_TOKEN so it never sits in the snippet.
 * Throws ProvisionRequestError when the stored request is not a valid one.
 */
export function toCurl(request: RunRequest, endpoint = GRAPH_V1_ENDPOINT): string {
  const body = requestBodyOf(request.ruleId, request.subject);
  return [
    "curl --request POST \\",
    `  ${shellWord(provisionOnDemandUrl(request, endpoint))} \\`,
    '  --header "Authorization: Bearer $GRAPH_TOKEN" \\',
    "  --header 'Content-Type: application/json' \\",
    `  --data-raw ${shellWord(JSON.stringify(body, null, 2))}`,
    "",
  ].join("\n");
}

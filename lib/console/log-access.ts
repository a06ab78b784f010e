import "server-only";
import type { LogAvailability } from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { Env } from "@/lib/env";
import { isGraphError } from "@/lib/graph";

// Reading the provisioning logs takes a permission (and a premium licence) the rest of the console
// does not need; when Graph refuses, the page says exactly what is missing and who can grant it.

const LOG_ROLES =
  "Reports Reader, Security Reader, Security Operator, Security Administrator, Global Reader, Application Administrator or Cloud Application Administrator";

function permissionMessage(settings: Pick<Env, "GRAPH_PERMISSION_MODE">): string {
  if (settings.GRAPH_PERMISSION_MODE === "application")
    return (
      "The console may not read the provisioning logs. Its app registration needs the Microsoft Graph application permission " +
      "AuditLog.Read.All (or the newer ProvisioningLog.Read.All) with admin consent, which a Privileged Role Administrator " +
      "or Global Administrator grants under API permissions → Grant admin consent."
    );
  return (
    "The console may not read the provisioning logs for you. Its app registration needs the delegated Microsoft Graph " +
    "permission AuditLog.Read.All (or the newer ProvisioningLog.Read.All) with admin consent — a Cloud Application " +
    "Administrator, Application Administrator, Privileged Role Administrator or Global Administrator can grant it under " +
    `API permissions → Grant admin consent — and you need a directory role that may read them: ${LOG_ROLES}.`
  );
}

/** A Graph failure of a provisioning-log read, as the page explains it; null when it is not about access. */
export function logUnavailability(
  error: unknown,
  settings: Pick<Env, "GRAPH_PERMISSION_MODE">,
): Extract<LogAvailability, { available: false }> | null {
  if (!isGraphError(error)) return null;
  if (error.code === "Authentication_RequestFromNonPremiumTenantOrB2CTenant")
    return {
      available: false,
      reason: "license",
      message:
        "The provisioning logs need a Microsoft Entra ID P1 or P2 licence in the tenant; Graph refused to read them without one.",
      graphCode: error.code,
    };
  if (error.status === 403)
    return {
      available: false,
      reason: "permission",
      message: permissionMessage(settings),
      graphCode: error.code,
    };
  return null;
}

/** Reads the log, turning a refusal into the one error shape with the explanation (403). */
export async function readingTheLog<T>(
  settings: Pick<Env, "GRAPH_PERMISSION_MODE">,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const refused = logUnavailability(error, settings);
    if (refused)
      throw new ApiError("forbidden", refused.message, {
        reason: `log_${refused.reason}`,
        ...(refused.graphCode ? { graphCode: refused.graphCode } : {}),
      });
    throw error;
  }
}

import "server-only";
import type { JobActionError } from "@/lib/api/contracts";
import { isApiError } from "@/lib/api/errors";
import type { GraphPermissionMode } from "@/lib/auth";
import { isGraphError, NETWORK_ERROR, TIMEOUT, UNEXPECTED_RESPONSE, type GraphError } from "@/lib/graph";
import { explainCode, knownCodes } from "@/lib/provisioning";

// Why a job action failed, in Graph's words and in plain ones: a refused credential, a permission
// missing at Graph (and who can grant it), throttling, a job that is gone, or an answer not understood.

export interface ErrorContext {
  permissionMode: GraphPermissionMode;
  /** Cloud Sync jobs need the Hybrid Identity Administrator role in delegated mode. */
  cloudSync: boolean;
  /** A value that must never be repeated in what is stored or answered (the new secret token). */
  secret?: string;
}

const RAW_LIMIT = 2_000;
const REDACTED = "[redacted]";

/** The text with every occurrence of the secret replaced. */
export function withoutSecret(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join(REDACTED) : text;
}

export function describeJobActionError(thrown: unknown, context: ErrorContext): JobActionError {
  const scrub = (text: string) => withoutSecret(text, context.secret);
  if (!isGraphError(thrown)) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return {
      code: isApiError(thrown) ? thrown.code : "ConsoleError",
      message: scrub(message),
      explanation: {
        title: "The console could not finish the action",
        meaning: scrub(message),
        action: "Look at the job's status, then try again; quote the request id if it persists.",
      },
      raw: null,
    };
  }
  return {
    code: thrown.code,
    message: scrub(thrown.message),
    explanation: explainGraphError(thrown, context),
    raw: thrown.code === UNEXPECTED_RESPONSE ? scrub(rawText(thrown.body)) : null,
  };
}

function explainGraphError(error: GraphError, context: ErrorContext): JobActionError["explanation"] {
  if (error.status === 403 || /^(Authorization_RequestDenied|Forbidden|AccessDenied)$/i.test(error.code))
    return missingPermission(context);
  if (error.status === 401)
    return {
      title: "Microsoft Graph refused the console's token",
      meaning: "Graph did not accept the token the console sent for this call.",
      action:
        "Sign out and in again; if it persists, an administrator should check the console's app registration.",
    };
  if (error.status === 429)
    return {
      title: "Microsoft Graph is throttling",
      meaning: "Graph asked the console to slow down and the wait was too long to hold the action.",
      action: "Wait a minute, check the job's status, then try again.",
    };
  if (error.status === 404)
    return {
      title: "Not found in the tenant",
      meaning: "The application or the job no longer exists, or the id is wrong.",
      action: "Go back to the application and pick the job again.",
    };
  if (error.code === NETWORK_ERROR || error.code === TIMEOUT)
    return {
      title:
        error.code === TIMEOUT
          ? "Microsoft Graph did not answer in time"
          : "Microsoft Graph could not be reached",
      meaning:
        "The console does not know whether the provisioning service carried out the action; it was not sent again.",
      action: "Check the job's status on this page before trying again.",
    };
  if (error.code === UNEXPECTED_RESPONSE)
    return {
      title: "An answer the console could not understand",
      meaning:
        "Microsoft Graph answered in a shape the console does not know; the answer is shown as it came.",
      action:
        "Check the job's status, then try again; quote Graph's request id to Microsoft support if it persists.",
    };
  const code = knownCode(error.code) ?? knownCodeIn(error.message);
  if (code) {
    const { title, meaning, action } = explainCode(code);
    return { title, meaning, action };
  }
  return {
    title: `Microsoft Graph refused the action (${error.code})`,
    meaning: "Graph's message above says why.",
    action:
      "Correct what the message names, then try again; quote Graph's request id to Microsoft support if it persists.",
  };
}

/** Which permission and role the action needs at Graph, and who can grant each. */
function missingPermission(context: ErrorContext): JobActionError["explanation"] {
  const role = context.cloudSync
    ? "Hybrid Identity Administrator"
    : "Application Administrator or Cloud Application Administrator";
  if (context.permissionMode === "application")
    return {
      title: "The console's app lacks a Graph permission",
      meaning:
        "Microsoft Graph refused the console's own identity: the app registration needs the application permission Synchronization.ReadWrite.All (or Application.ReadWrite.OwnedBy, with the console's service principal an owner of this enterprise application).",
      action:
        "A Privileged Role Administrator or Global Administrator can add the permission and grant admin consent in the Entra admin center (App registrations → the console → API permissions). An owner of this enterprise application, or an Application Administrator, can add the console as its owner.",
    };
  return {
    title: "Microsoft Graph refused: permission or role missing",
    meaning: `Acting on a job needs the delegated permission Synchronization.ReadWrite.All, consented for the console, and a directory role that may manage provisioning (${role}) for the signed-in admin.`,
    action: `A Cloud Application Administrator or Application Administrator can grant admin consent to Synchronization.ReadWrite.All (Enterprise applications → the console → Permissions). A Privileged Role Administrator can assign you the ${role} role, for this application alone if need be (or a custom role with microsoft.directory/servicePrincipals/synchronizationJobs/manage and synchronizationCredentials/manage).`,
  };
}

const CODES = new Map(knownCodes().map((code) => [code.toLowerCase(), code]));

function knownCode(code: string): string | null {
  return explainCode(code).known ? code : null;
}

/** A known code quoted inside a message (Graph sometimes answers a generic code with the real one in its text). */
function knownCodeIn(message: string): string | null {
  for (const word of message.match(/[A-Za-z_]{8,}/g) ?? []) {
    const code = CODES.get(word.toLowerCase());
    if (code) return code;
  }
  return null;
}

function rawText(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body ?? null);
  return text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}…` : text;
}

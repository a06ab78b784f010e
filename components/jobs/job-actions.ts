import type { JobAction, JobActionKind, ResetScope } from "@/lib/api/contracts";
import { jobStatusLook } from "./job-status";

/** What each action is called and does, in the words the page and its dialogs use. */
export const ACTION_COPY: Record<
  JobActionKind,
  { label: string; question: string; done: string; what: string }
> = {
  "test-connection": {
    label: "Test connection",
    question: "Test the connection?",
    done: "Connection tested",
    what: "The provisioning service tries the job's saved tenant URL and secret token against the app. Nothing changes.",
  },
  "secret-token": {
    label: "Update the secret token",
    question: "Update the secret token and test it",
    done: "Secret token updated",
    what: "Saves a new secret token for the app (every job of this application uses it), then tests the connection with it. The token goes to Microsoft Graph only: the console never shows, logs or keeps it.",
  },
  restart: {
    label: "Restart",
    question: "Restart the job?",
    done: "Restarted",
    what: "Resets what you choose below and begins a cycle now.",
  },
  pause: {
    label: "Pause",
    question: "Pause the job?",
    done: "Paused",
    what: "Stops the job's scheduled cycles until it is started again. Provisioning on demand still works while it is paused.",
  },
  start: {
    label: "Start",
    question: "Start the job?",
    done: "Started",
    what: "Resumes the job's scheduled cycles. A job in quarantine leaves it, and its next cycle tries the credentials again.",
  },
};

/** The reset scopes offered, in order, each with what it does; `confirm` ones need the app's name typed. */
export const RESET_SCOPES: { scope: ResetScope; label: string; what: string; confirm: boolean }[] = [
  {
    scope: "QuarantineState",
    label: "Quarantine only",
    what: "Takes the job out of quarantine so its cycles run at the normal interval again. Nothing the job knows about the app is forgotten. Choose this after fixing the cause, such as a new secret token.",
    confirm: false,
  },
  {
    scope: "Watermark",
    label: "Watermark",
    what: "Forgets how far the job had read the source, so the next cycle is an initial one: every user and group in scope is read and evaluated again. It takes longer in a large tenant; nothing is deleted.",
    confirm: false,
  },
  {
    scope: "Escrows",
    label: "Escrows",
    what: "Drops the changes waiting to be retried after errors. They are not lost for good: the next cycle finds any remaining difference again, and counts its errors from zero.",
    confirm: false,
  },
  {
    scope: "Full",
    label: "Full",
    what: "All of the above, and the job's record of what it provisioned: the next cycle starts as on the first day and matches every object in the app again. It can change many accounts in the app.",
    confirm: true,
  },
  {
    scope: "ForceDeletes",
    label: "Push held-back deletions",
    what: "Sends the deletions the job held back because a cycle would have deleted more accounts than its accidental-deletion threshold allows. Choose it only when those deletions are intended.",
    confirm: true,
  },
];

export function resetScopeLabel(scope: ResetScope | null): string | null {
  return RESET_SCOPES.find((entry) => entry.scope === scope)?.label ?? scope;
}

export function needsTypedConfirmation(scope: ResetScope): boolean {
  return RESET_SCOPES.some((entry) => entry.scope === scope && entry.confirm);
}

/** The typed confirmation matches the application's name exactly (spaces around it aside). */
export function confirmationMatches(typed: string, appName: string): boolean {
  return appName !== "" && typed.trim() === appName;
}

/** Pause unless the job is paused; Start unless it is running normally (a quarantined job offers both). */
export function offeredToggles(statusCode: string | null): { pause: boolean; start: boolean } {
  const code = (statusCode ?? "").toLowerCase();
  return { pause: code !== "paused", start: code !== "active" };
}

/** What the job is now, in words, or null when it could not be read after the action. */
function statusAfterText(action: Pick<JobAction, "statusAfter">): string | null {
  return action.statusAfter ? `The job is now ${jobStatusLook(action.statusAfter).label}.` : null;
}

/** One sentence for the result of an action, as the page announces it. */
export function actionResultText(
  action: Pick<JobAction, "action" | "outcome" | "resetScope" | "error" | "statusAfter">,
): string {
  const copy = ACTION_COPY[action.action];
  const after = statusAfterText(action);
  const withAfter = (text: string) => (after ? `${text} ${after}` : text);
  switch (action.outcome) {
    case "running":
      return `${copy.label} is still running at Microsoft Graph.`;
    case "interrupted":
      return `${copy.label} was interrupted: the console stopped before Graph answered. Check the job's status.`;
    case "failed":
      return withAfter(`${copy.label} failed. ${action.error?.explanation.title ?? "Graph refused it"}.`);
    case "succeeded":
      switch (action.action) {
        case "test-connection":
          return withAfter("Test connection succeeded: the app accepted the saved credentials.");
        case "secret-token":
          return withAfter("The secret token was saved and Test connection succeeded.");
        case "restart":
          return withAfter(`Restarted (${resetScopeLabel(action.resetScope)}).`);
        default:
          return withAfter(`${copy.done}.`);
      }
  }
}

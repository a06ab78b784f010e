export type StatusTone = "success" | "error" | "warning" | "info" | "neutral";

export interface JobStatusLook {
  label: string;
  tone: StatusTone;
  /** One sentence for a tooltip or screen reader. */
  meaning: string;
}

const LOOKS: Record<string, JobStatusLook> = {
  active: { label: "Active", tone: "success", meaning: "The job runs on its schedule." },
  quarantine: {
    label: "Quarantine",
    tone: "error",
    meaning: "The provisioning service stopped running the job normally because of repeated errors.",
  },
  paused: {
    label: "Paused",
    tone: "warning",
    meaning: "Someone paused the job: its scheduled cycles do not run until it is started again.",
  },
  notrun: { label: "Not run", tone: "info", meaning: "The job has never run." },
  notconfigured: {
    label: "Not configured",
    tone: "neutral",
    meaning: "The job's provisioning is not set up yet.",
  },
};

/** How a job status code (Active, Quarantine, Paused, NotRun, NotConfigured) is shown. */
export function jobStatusLook(code: string | null | undefined): JobStatusLook {
  const known = LOOKS[(code ?? "").toLowerCase()];
  if (known) return known;
  const text = code?.trim() || "Unknown";
  return { label: text, tone: "neutral", meaning: `The provisioning service reports the status "${text}".` };
}

const ORDER: StatusTone[] = ["error", "warning", "info", "neutral", "success"];

/** Job statuses counted, the most worrying first: ["Active", "Quarantine", "Active"] → Quarantine 1, Active 2. */
export function tallyJobStatuses(
  codes: readonly string[],
): { code: string; look: JobStatusLook; count: number }[] {
  const counts = new Map<string, { code: string; look: JobStatusLook; count: number }>();
  for (const code of codes) {
    const look = jobStatusLook(code);
    const entry = counts.get(look.label) ?? { code, look, count: 0 };
    entry.count += 1;
    counts.set(look.label, entry);
  }
  return [...counts.values()].sort((a, b) => ORDER.indexOf(a.look.tone) - ORDER.indexOf(b.look.tone));
}

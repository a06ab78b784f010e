// Graph writes seven fractional digits (2020-06-26T13:58:24.5494971Z); Date keeps only milliseconds.
const FRACTION = /^(.*T\d{2}:\d{2}:\d{2})\.(\d+)(.*)$/;

/** Milliseconds since the epoch, with the sub-millisecond part kept; null when the text is not a time. */
export function instantOf(text: string | null | undefined): number | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  const match = FRACTION.exec(text.trim());
  if (!match) {
    const whole = Date.parse(text);
    return Number.isNaN(whole) ? null : whole;
  }
  const [, head, digits, zone] = match as unknown as [string, string, string, string];
  const seconds = Date.parse(`${head}${zone}`);
  return Number.isNaN(seconds) ? null : seconds + Number(`0.${digits}`) * 1000;
}

/** end − start in milliseconds, or null when either time is missing or unreadable. */
export function millisecondsBetween(
  start: string | null | undefined,
  end: string | null | undefined,
): number | null {
  const from = instantOf(start);
  const to = instantOf(end);
  return from === null || to === null ? null : to - from;
}

/** A duration for people: "0.4 ms", "245 ms", "2.3 s", "4 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "unknown";
  if (ms < 0) return `−${formatDuration(-ms)}`;
  if (ms < 1) return ms === 0 ? "0 ms" : `${trimZero(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${trimZero((ms / 1000).toFixed(1))} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${pad(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${pad(minutes % 60)} min`;
}

/** The gap after the previous step, signed so a step that reports an earlier time stays visible: "+31 ms", "−2 ms". */
export function formatDelta(ms: number): string {
  return ms < 0 ? formatDuration(ms) : `+${formatDuration(ms)}`;
}

/**
 * For each timestamp, the time since the previous one that could be read (the first measured from
 * `start` when given); null where there is nothing to measure from or the time is unreadable.
 */
export function deltasBetween(
  timestamps: readonly (string | null)[],
  start: string | null = null,
): (number | null)[] {
  let previous = instantOf(start);
  return timestamps.map((timestamp) => {
    const current = instantOf(timestamp);
    if (current === null) return null;
    const delta = previous === null ? null : current - previous;
    previous = current;
    return delta;
  });
}

/** Whole seconds left until a moment, for a countdown; never below zero. */
export function secondsUntil(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function trimZero(text: string): string {
  return text.replace(/\.0$/, "");
}

import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A console server of its own (the production build), for tests that stop or restart it. */
export class ConsoleProcess {
  private child: ChildProcess | null = null;
  readonly baseURL: string;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(this.port)],
      {
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...this.env },
        detached: true, // its own process group, so a kill reaches the server and its workers
        stdio: "ignore",
      },
    );
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.baseURL}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the console did not start on port ${this.port}`);
  }

  /** The most memory (resident set) its processes held at once so far, summed over the group, in bytes. */
  peakMemoryBytes(): number {
    const group = this.child?.pid;
    if (!group) return 0;
    let total = 0;
    for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        // The process group is the fifth field of /proc/{pid}/stat, after the parenthesised name.
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== group) continue;
        const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        total += peak ? Number(peak[1]) * 1024 : 0;
      } catch {
        // the process ended meanwhile
      }
    }
    return total;
  }

  /** kill -9: no shutdown hooks, nothing flushed — as when a machine dies. */
  kill(): void {
    if (this.child?.pid) process.kill(-this.child.pid, "SIGKILL");
    this.child = null;
  }
}

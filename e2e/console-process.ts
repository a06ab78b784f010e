import { spawn, type ChildProcess } from "node:child_process";

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

  /** kill -9: no shutdown hooks, nothing flushed — as when a machine dies. */
  kill(): void {
    if (this.child?.pid) process.kill(-this.child.pid, "SIGKILL");
    this.child = null;
  }
}

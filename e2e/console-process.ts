import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from "node:fs";
import { assertPortFree, freePort, waitForPortFree } from "./free-port";
import { reapOnExit } from "./process-reaper";

/**
 * A server process of the test's own in a process group of its own, on a free loopback port
 * (kept across restarts). It is ready when `ready` answers, and it fails at once if it exits.
 */
export class TestServerProcess {
  private child: ChildProcess | null = null;
  private forget: () => void = () => undefined;
  private exited: string | null = null;
  /** Settles when the process last started here has exited (a restart waits for it to let go of the port). */
  private gone: Promise<void> = Promise.resolve();
  private assignedPort: number | null;
  private captured = "";

  constructor(
    private readonly what: string,
    private readonly command: (port: number) => string[],
    private readonly env: Record<string, string>,
    private readonly ready: (url: string) => Promise<boolean>,
    port?: number,
    /** Appends the process's stdout and stderr to this file (else they are dropped). */
    private readonly outputFile?: string,
  ) {
    this.assignedPort = port ?? null;
  }

  get port(): number {
    if (this.assignedPort === null) throw new Error(`${this.what} has no port until it is started.`);
    return this.assignedPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.assignedPort ??= await freePort();
    await this.gone;
    await assertPortFree(this.port, this.what);
    this.exited = null;
    const output = this.outputFile ? openSync(this.outputFile, "a") : null;
    const child = spawn(process.execPath, this.command(this.port), {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...this.env },
      detached: true, // its own process group, so a kill reaches the server and its workers
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    if (child.pid) this.forget = reapOnExit(child.pid);
    this.captured = "";
    const keep = (chunk: Buffer) => {
      // The last 64 KiB is enough to say why a server stopped; a test that reads everything gets a file.
      this.captured = (this.captured + chunk.toString("utf8")).slice(-65_536);
      if (output !== null) writeSync(output, chunk);
    };
    if (output !== null) child.once("close", () => closeSync(output));
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.gone = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        if (this.child === child) this.exited = `exited (${signal ?? `code ${code}`})`;
        // The group's other processes (Next's server worker) may hold the port a moment longer.
        void waitForPortFree(this.port).then(resolve);
      }),
    );
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.exited)
        throw new Error(
          `${this.what} on port ${this.port} ${this.exited} before it was ready:\n${this.captured.slice(-2000)}`,
        );
      try {
        if (await this.ready(this.url)) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    this.kill();
    throw new Error(`${this.what} did not start on port ${this.port}`);
  }

  /** What the process last started here printed (stdout and stderr, the last 64 KiB). */
  get output(): string {
    return this.captured;
  }

  /** Settles once the process last started here has exited and let go of its port. */
  exitedAndGone(): Promise<void> {
    return this.gone;
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

  /** kill -9 of the whole group: no shutdown hooks, nothing flushed — as when a machine dies. */
  kill(): void {
    const pid = this.child?.pid;
    this.child = null;
    this.forget();
    if (!pid) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** A console server of its own (the production build behind server.mjs), for tests that stop or restart it or read its output. */
export class ConsoleProcess extends TestServerProcess {
  constructor(env: Record<string, string>, port?: number, outputFile?: string) {
    super(
      "the console",
      (at) => ["server.mjs", "--port", String(at)],
      { HOSTNAME: "127.0.0.1", ...env },
      async (url) => (await fetch(`${url}/api/health`)).ok,
      port,
      outputFile,
    );
  }

  get baseURL(): string {
    return this.url;
  }
}

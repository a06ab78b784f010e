import { spawn, type ChildProcess } from "node:child_process";

/** The stand-alone demo tenant (scripts/demo-tenant.ts) in a process group of its own, as Graph for a console. */
export class DemoTenantProcess {
  private child: ChildProcess | null = null;
  readonly url: string;

  constructor(
    readonly port: number,
    private readonly args: string[],
    private readonly env: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "--conditions=react-server",
        "scripts/demo-tenant.ts",
        "--port",
        String(this.port),
        ...this.args,
      ],
      { detached: true, stdio: "ignore", env: { ...process.env, ...this.env } },
    );
    await answering(`${this.url}/v1.0/servicePrincipals`, "the demo tenant");
  }

  /** The tenant's call counters per job (provisionOnDemand calls, 429s, busiest window). */
  async jobStats(servicePrincipalId: string, jobId: string) {
    const stats = (await (await fetch(`${this.url}/demo/stats`)).json()) as {
      jobs: {
        servicePrincipalId: string;
        jobId: string;
        provisionOnDemandCalls: number;
        throttled: number;
        maxCallsInWindow: number;
      }[];
    };
    const job = stats.jobs.find((j) => j.servicePrincipalId === servicePrincipalId && j.jobId === jobId);
    if (!job) throw new Error(`the demo tenant has no job ${jobId}`);
    return job;
  }

  stop(): void {
    if (this.child?.pid) process.kill(-this.child.pid, "SIGKILL");
    this.child = null;
  }
}

/** Waits until the URL answers at all (the demo tenant answers 401 without a Graph token). */
export async function answering(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${what} did not start at ${url}`);
}

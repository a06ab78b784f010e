import { TestServerProcess } from "./console-process";

/** The stand-alone demo tenant (scripts/demo-tenant.ts) in a process group of its own, as Graph for a console. */
export class DemoTenantProcess extends TestServerProcess {
  constructor(args: string[], env: Record<string, string> = {}) {
    super(
      "the demo tenant",
      (port) => [
        "node_modules/tsx/dist/cli.mjs",
        "--conditions=react-server",
        "scripts/demo-tenant.ts",
        "--port",
        String(port),
        ...args,
      ],
      env,
      // It answers at all once listening (401 without a Graph token, when it checks them).
      async (url) => Boolean(await fetch(`${url}/v1.0/servicePrincipals`)),
    );
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
    this.kill();
  }
}

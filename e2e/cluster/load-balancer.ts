import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertPortFree, freePort } from "../free-port";
import { reapOnExit } from "../process-reaper";

/** Debian's nginx on loopback, round-robin over console instances, trying the next one when one is down. */
export class LoadBalancer {
  private child: ChildProcess | null = null;
  private forget: () => void = () => undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), "pod-nginx-"));
  private port = 0;

  constructor(private readonly upstreamPorts: number[]) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    await assertPortFree(this.port, "nginx");
    chmodSync(this.dir, 0o777); // run as root (CI), nginx's workers are "nobody" and need its temp folders
    const servers = this.upstreamPorts
      .map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`)
      .join("\n");
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
      .map((name) => `  ${name}_temp_path ${this.dir}/${name};`)
      .join("\n");
    writeFileSync(
      join(this.dir, "nginx.conf"),
      `daemon off;
worker_processes 1;
pid ${this.dir}/nginx.pid;
error_log ${this.dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
${temp}
  upstream console {
${servers}
  }
  server {
    listen 127.0.0.1:${this.port};
    location / {
      proxy_pass http://console;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`,
    );
    this.child = spawn(
      "/usr/sbin/nginx",
      ["-p", this.dir, "-c", join(this.dir, "nginx.conf"), "-e", join(this.dir, "error.log")],
      {
        detached: true,
        stdio: "ignore",
      },
    );
    if (this.child.pid) this.forget = reapOnExit(this.child.pid);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        this.stop();
        throw new Error(`nginx did not start on port ${this.port}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  stop(): void {
    const pid = this.child?.pid;
    this.child = null;
    this.forget();
    try {
      if (pid) process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

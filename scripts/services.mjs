// The servers the tests need, on loopback: PostgreSQL for the storage tests, Redis for shared
// pacing and token caches, nginx (started by the multi-instance test itself) in front of consoles. Installs Debian's
// package when it runs as root and the server is missing; starts the cluster when it is down.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (command, args, options = {}) => spawnSync(command, args, { encoding: "utf8", ...options });
const isRoot = process.getuid?.() === 0;

function aptInstall(packages) {
  if (!isRoot) {
    throw new Error(
      `Missing ${packages.join(", ")}. Install it, then run the tests again:\n  sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`,
    );
  }
  console.log(`Installing ${packages.join(", ")} (apt-get)…`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...packages], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/** A PostgreSQL URL for tests: TEST_DATABASE_URL when given, else the local cluster (started if needed). */
export function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (!existsSync("/usr/bin/pg_ctlcluster")) aptInstall(["postgresql"]);
  const clusters = run("pg_lsclusters", ["--no-header"]).stdout.trim().split("\n").filter(Boolean);
  const [version, name, port, status] = (clusters[0] ?? "").split(/\s+/);
  if (!version)
    throw new Error("PostgreSQL is installed but has no cluster; create one with pg_createcluster.");
  if (status !== "online") {
    if (!isRoot)
      throw new Error(
        `PostgreSQL ${version}/${name} is down; start it: sudo pg_ctlcluster ${version} ${name} start`,
      );
    execFileSync("pg_ctlcluster", [version, name, "start"], { stdio: "inherit" });
  }
  for (let i = 0; i < 50 && run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", port]).status !== 0; i++) {
    execFileSync("sleep", ["0.2"]);
  }
  const psql = (sql) => run("runuser", ["-u", "postgres", "--", "psql", "-p", port, "-tAc", sql]);
  if (!psql("select 1 from pg_roles where rolname = 'pod_test'").stdout.includes("1")) {
    psql("create role pod_test login password 'pod_test' createdb");
  }
  if (!psql("select 1 from pg_database where datname = 'pod_test'").stdout.includes("1")) {
    psql("create database pod_test owner pod_test");
  }
  return `postgres://pod_test:pod_test@127.0.0.1:${port}/pod_test`;
}

const TEST_REDIS_PORT = "6390";

/** A Redis URL for tests: TEST_REDIS_URL when given, else a throwaway redis-server on loopback (started if needed). */
export function ensureRedis() {
  if (process.env.TEST_REDIS_URL) return process.env.TEST_REDIS_URL;
  const ping = () =>
    run("redis-cli", ["-h", "127.0.0.1", "-p", TEST_REDIS_PORT, "ping"]).stdout?.trim() === "PONG";
  if (ping()) return `redis://127.0.0.1:${TEST_REDIS_PORT}`;
  if (!existsSync("/usr/bin/redis-server") || !existsSync("/usr/bin/redis-cli")) aptInstall(["redis-server"]);
  const started = run("redis-server", [
    "--port",
    TEST_REDIS_PORT,
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--daemonize",
    "yes",
    "--pidfile",
    "/tmp/pod-test-redis.pid",
  ]);
  if (started.status !== 0)
    throw new Error(
      `redis-server did not start on port ${TEST_REDIS_PORT}: ${started.stderr || started.stdout}`,
    );
  for (let i = 0; i < 50 && !ping(); i++) execFileSync("sleep", ["0.1"]);
  if (!ping()) throw new Error(`redis-server on 127.0.0.1:${TEST_REDIS_PORT} does not answer PING.`);
  return `redis://127.0.0.1:${TEST_REDIS_PORT}`;
}

/** Debian's nginx for the test that puts two consoles behind a load balancer; the test starts its own. */
export function ensureNginx() {
  if (!existsSync(NGINX)) aptInstall(["nginx-light"]);
  return NGINX;
}

export const NGINX = "/usr/sbin/nginx";

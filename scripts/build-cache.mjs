// Whether the production build in .next is current, as a content hash of what goes into it (the
// sources, the public files, the configuration and the lockfile), never as timestamps; and the one
// way the scripts build (npm run demo, npm run test:e2e, npm run bench), printing progress.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** What the build reads; tests are never part of it. */
const INPUT_FOLDERS = ["app", "components", "lib", "public"];
const INPUT_FILES = [
  "instrumentation.ts",
  "proxy.ts",
  "next.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
const isTest = (name) => /\.test\.[cm]?[jt]sx?$/.test(name);

/** Where the hash of the sources of the build in .next is kept, with that build's id. */
const STAMP = join(".next", "source-hash.json");

function inputFiles(root) {
  const files = INPUT_FILES.map((name) => join(root, name)).filter((path) => existsSync(path));
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !isTest(entry.name)) files.push(path);
    }
  };
  for (const folder of INPUT_FOLDERS) if (existsSync(join(root, folder))) walk(join(root, folder));
  return files.sort();
}

/** The hash of every input's path and content. */
export function sourceHash(root = process.cwd()) {
  const hash = createHash("sha256");
  for (const path of inputFiles(root)) {
    hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  }
  return hash.digest("hex");
}

function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP), "utf8"));
  } catch {
    return null;
  }
}

function buildId(root) {
  try {
    return readFileSync(join(root, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * Why .next must be built again, or null when it is current: the stamp names the build it was
 * written for, so a `next build` run by hand from other sources is never taken for current.
 */
export function staleReason(root = process.cwd()) {
  const id = buildId(root);
  if (id === null) return "there is no production build yet";
  const stamp = readStamp(root);
  if (stamp === null || stamp.buildId !== id)
    return "the build was not made by this script, so its sources are unknown";
  if (stamp.hash !== sourceHash(root))
    return "the sources, configuration or lockfile changed since the last build";
  return null;
}

/** `next build`, its output shown, with a line every 15 s while it is quiet (a first build takes minutes on 2 cores). */
function nextBuild(root, env) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn("npx", ["next", "build"], {
      cwd: root,
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let quietSince = Date.now();
    const relay = (to) => (chunk) => {
      quietSince = Date.now();
      to.write(chunk);
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    const ticker = setInterval(() => {
      if (Date.now() - quietSince < 14_000) return;
      console.log(`  … still building (${Math.round((Date.now() - started) / 1000)} s)`);
      quietSince = Date.now();
    }, 1000);
    child.on("close", (code) => {
      clearInterval(ticker);
      resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/**
 * Builds the console unless .next is current. Resolves to whether it built; throws when the build
 * fails. `force` builds whatever the hash says.
 */
export async function ensureBuild({
  root = process.cwd(),
  env = process.env,
  force = false,
  log = console.log,
} = {}) {
  const reason = force ? "a build was asked for" : staleReason(root);
  if (reason === null) {
    log(
      `The production build in .next is current (same sources, configuration and lockfile); not rebuilding.`,
    );
    return false;
  }
  log(`Building the console (${reason}); this takes a few minutes the first time…`);
  const hash = sourceHash(root);
  const { code, seconds } = await nextBuild(root, env);
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  writeFileSync(join(root, STAMP), JSON.stringify({ hash, buildId: buildId(root) }) + "\n");
  log(`Built in ${seconds.toFixed(0)} s.`);
  return true;
}

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// A test process that fails (throws, exits non-zero) still stops the servers it started.

/** Running, not gone and not a zombie waiting for a parent that no longer exists to reap it. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** The live processes of a process group. */
function liveMembers(group: number): number[] {
  const listed = execFileSync("ps", ["-o", "pid=", "-g", String(group)], { encoding: "utf8" });
  return listed
    .split("\n")
    .map(Number)
    .filter((pid) => pid > 0 && alive(pid));
}

describe("reapOnExit", () => {
  it("kills a server's whole process group when the test process dies of a failure", async () => {
    // A test process that starts a detached server (a shell with a child of its own), then fails.
    const script = `
      import { spawn } from "node:child_process";
      import { reapOnExit } from "./e2e/process-reaper.ts";
      const server = spawn("sh", ["-c", "sleep 60 & sleep 60"], { detached: true, stdio: "ignore" });
      reapOnExit(server.pid);
      console.log(server.pid);
      setTimeout(() => { throw new Error("the test failed"); }, 100);
    `;
    let output = "";
    try {
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        encoding: "utf8",
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? "");
    }
    const pid = Number(output.trim());
    expect(pid).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(pid)).toBe(false);
    expect(liveMembers(pid)).toEqual([]);
  });
});

// Test servers run in process groups of their own (so a kill reaches their workers), which also
// means they outlive the test process unless it stops them. Every group a test starts is noted
// here and killed when the test process exits or is interrupted, whatever failed on the way.

const groups = new Set<number>();
let installed = false;

function killAll() {
  for (const pid of groups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  groups.clear();
}

/** Kills the process group `pid` when this process exits; returns what forgets it (after a normal stop). */
export function reapOnExit(pid: number): () => void {
  if (!installed) {
    installed = true;
    process.once("exit", killAll);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.once(signal, () => {
        killAll();
        process.kill(process.pid, signal); // and die of it, as without this listener
      });
    }
  }
  groups.add(pid);
  return () => groups.delete(pid);
}

import { createServer } from "node:net";

// Test servers take ports nothing else holds, so a test never talks to whatever already listens.

/** A loopback port free right now (the system picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Throws unless nothing listens on the port: a test must never trust a server it did not start. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
  } catch {
    throw new Error(
      `Port ${port} is already in use, so ${what} cannot be started there; stop what holds it.`,
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Resolves once nothing listens on the port (or after `ms`, leaving the caller to find out). */
export async function waitForPortFree(port: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      await assertPortFree(port, "a test server");
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

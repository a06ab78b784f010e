import "server-only";

// Next.js may bundle one module into several route chunks; state that must exist once per
// process (the database, the demo tenant, the pacing queues) is kept on globalThis instead.
const registry = globalThis as typeof globalThis & { __podConsole?: Map<string, unknown> };

export function processSingleton<T>(name: string, create: () => T): T {
  registry.__podConsole ??= new Map();
  if (!registry.__podConsole.has(name)) registry.__podConsole.set(name, create());
  return registry.__podConsole.get(name) as T;
}

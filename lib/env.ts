import { z } from "zod";

// The one reader of process.env. Every setting is validated here, once, with messages that name
// the variable; nothing else in the project touches process.env.

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional());
const positiveInt = (fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(fallback));

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const schema = z
  .object({
    NODE_ENV: z.preprocess(
      emptyAsUndefined,
      z.enum(["development", "production", "test"]).default("development"),
    ),
    /** Where the SQLite database and other local state live. */
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("data")),
    /** postgres://… to keep runs, shares and the audit log in PostgreSQL instead of the SQLite file. */
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
        .optional(),
    ),
    /** redis:// or rediss://… to share pacing and the MSAL token cache between console instances. */
    REDIS_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// connection URL")
        .optional(),
    ),
    /** Runs older than this many days are purged. */
    RUN_RETENTION_DAYS: positiveInt(365),
    /** Audit entries older than this many days are purged (kept longer than runs). */
    AUDIT_RETENTION_DAYS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number()
        .int()
        .min(365, "must be at least 365: the audit log keeps a year at least")
        .default(2555),
    ),
    /**
     * Comma-separated host names the console answers to (`console.contoso.com`, `*.contoso.com`, or
     * `*` for any): a request naming another Host is refused, so a DNS name rebound to this server
     * reaches nothing. Default: localhost only in demo mode, any host in Entra mode.
     */
    ALLOWED_HOSTS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .transform((text) =>
          text
            .split(",")
            .map((name) => name.trim().toLowerCase())
            .filter(Boolean),
        )
        .pipe(
          z
            .array(
              z
                .string()
                .regex(
                  /^(\*|(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/,
                  "must list host names without scheme or port, e.g. console.contoso.com,*.contoso.com",
                ),
            )
            .min(1),
        )
        .optional(),
    ),
    /**
     * Comma-separated origins (`https://portal.contoso.com`) whose pages may change things through
     * the API besides the console's own; none by default.
     */
    ALLOWED_ORIGINS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .transform((text) =>
          text
            .split(",")
            .map((origin) => origin.trim().toLowerCase())
            .filter(Boolean),
        )
        .pipe(
          z.array(
            z
              .string()
              .regex(/^https?:\/\/[^/\s]+$/, "must list origins like https://portal.contoso.com (no path)"),
          ),
        )
        .default([]),
    ),
    /** Comma-separated attribute names whose values shared links redact; replaces the default list. */
    SHARE_REDACTED_ATTRIBUTES: optionalString,
    /** The address users reach the console at (e.g. https://provisioning.contoso.com); shared links start with it. */
    PUBLIC_ORIGIN: z.preprocess(
      emptyAsUndefined,
      z
        .url({ protocol: /^https?$/, error: "must be an http:// or https:// address" })
        .refine((text) => {
          const url = new URL(text);
          return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
        }, "must be an origin only, such as https://provisioning.contoso.com (no path, query or credentials)")
        .transform((text) => new URL(text).origin)
        .optional(),
    ),
    /**
     * true only behind a reverse proxy that sets X-Forwarded-Host and X-Forwarded-Proto (and drops
     * them from clients): links are then built from the address the proxy was reached at.
     */
    TRUST_PROXY_HEADERS: z.preprocess(
      emptyAsUndefined,
      z
        .enum(["true", "false"], { error: "must be true or false" })
        .default("false")
        .transform((text) => text === "true"),
    ),

    // Entra mode: all three of tenant, client and a credential switch the console to a real tenant.
    ENTRA_TENANT_ID: z.preprocess(
      emptyAsUndefined,
      z.string().regex(guid, "must be a directory (tenant) id, a GUID").optional(),
    ),
    ENTRA_CLIENT_ID: z.preprocess(
      emptyAsUndefined,
      z.string().regex(guid, "must be an application (client) id, a GUID").optional(),
    ),
    ENTRA_CLIENT_SECRET: optionalString,
    ENTRA_CLIENT_CERTIFICATE_PATH: optionalString,
    ENTRA_CLIENT_CERTIFICATE_THUMBPRINT: optionalString,
    ENTRA_API_SCOPE: optionalString,
    ENTRA_CLOUD: z.preprocess(emptyAsUndefined, z.enum(["global", "usgov", "china"]).default("global")),
    ENTRA_AUTHORITY_HOST: z.preprocess(emptyAsUndefined, z.url().optional()),
    GRAPH_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
    GRAPH_PERMISSION_MODE: z.preprocess(
      emptyAsUndefined,
      z.enum(["delegated", "application"]).default("delegated"),
    ),

    // The provisionOnDemand pace the console keeps per job: Graph's 5 per 10 s unless set (only
    // lower it against a tenant that allows more, such as a stand-alone demo tenant in tests).
    GRAPH_PACE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()),
    GRAPH_PACE_WINDOW_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()),

    // Demo tenant pacing (tests and benchmarks shorten the window).
    DEMO_THROTTLE_LIMIT: positiveInt(5),
    DEMO_THROTTLE_WINDOW_MS: positiveInt(10_000),
    // Extra provisioning-log events in the demo tenant, for load tests of the user page (0: none).
    DEMO_LOG_EXTRA_EVENTS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(0).max(1_000_000).default(0),
    ),
  })
  .superRefine((env, ctx) => {
    const entra = [env.ENTRA_TENANT_ID, env.ENTRA_CLIENT_ID].filter(Boolean).length;
    const credential = env.ENTRA_CLIENT_SECRET ?? env.ENTRA_CLIENT_CERTIFICATE_PATH;
    if (entra === 0 && !credential) return; // demo mode
    for (const name of ["ENTRA_TENANT_ID", "ENTRA_CLIENT_ID"] as const) {
      if (!env[name]) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is required when any ENTRA_* setting is given (leave all unset for the demo tenant)",
        });
      }
    }
    if (!credential) {
      ctx.addIssue({
        code: "custom",
        path: ["ENTRA_CLIENT_SECRET"],
        message: "or ENTRA_CLIENT_CERTIFICATE_PATH is required in Entra mode",
      });
    }
  });

export type Env = z.infer<typeof schema> & { mode: "demo" | "entra" };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates a set of variables; throws an EnvError whose message names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`,
    );
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const mode = parsed.data.ENTRA_TENANT_ID ? "entra" : "demo";
  return { ...parsed.data, mode };
}

/** The host names the console answers to: ALLOWED_HOSTS, else localhost in demo mode and any in Entra mode. */
export function allowedHostsOf(settings: Env): readonly string[] | "any" {
  const configured = settings.ALLOWED_HOSTS;
  if (!configured) return settings.mode === "demo" ? LOOPBACK_HOSTS : "any";
  return configured.includes("*") ? "any" : configured;
}

/** The names of this machine's loopback interface: a demo console answers to these alone unless told. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

let cached: Env | undefined;

/** The validated settings of this process (read once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

// The console's /api routes as the app folder declares them, read at test time so a route added
// later is in the token-case table without anyone remembering to add it.

export interface ApiRoute {
  /** e.g. app/api/runs/[id]/shares/route.ts */
  file: string;
  /** e.g. /api/runs/{id}/shares with the segment names kept */
  pattern: string;
  methods: string[];
  /** The route declares `role: "public"`: it answers without sign-in. */
  isPublic: boolean;
  /** Methods that need a signed-in caller but no console role (`role: "signed-in"`: a shared link). */
  signedInOnly: string[];
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export function listApiRoutes(root = join(process.cwd(), "app", "api")): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name === "route.ts") routes.push(readRoute(root, path));
    }
  };
  visit(root);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function readRoute(root: string, file: string): ApiRoute {
  const source = readFileSync(file, "utf8");
  const segments = relative(root, file).split(sep).slice(0, -1);
  const methods = HTTP_METHODS.filter((method) =>
    new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b|\\bas\\s+${method}\\b`).test(
      source,
    ),
  );
  if (methods.length === 0) throw new Error(`${file} exports no HTTP method the table knows`);
  return {
    file: relative(process.cwd(), file),
    pattern: `/api/${segments.join("/")}`,
    methods,
    isPublic: /role:\s*"public"/.test(source),
    signedInOnly: methods.filter((method) =>
      new RegExp(
        `export\\s+const\\s+${method}\\s*=\\s*\\w+(<[^>]*>)?\\(\\s*\\{\\s*role:\\s*"signed-in"`,
      ).test(source),
    ),
  };
}

// Plausible values for each dynamic segment; the token is refused before any of them is looked up.
const SAMPLE_SEGMENTS: Record<string, string> = {
  id: "5f0c2a9e-4b7d-4e1a-9c3f-2d8b6a1e0f47",
  spId: "9d2b7c4e-1a3f-4e6d-8b5a-0c9e7f2d1a36",
  jobId: "scim.4b8c1f0e2d3a4b5c.4ba2d9e8f7a6b5c4",
  groupId: "37f3cab5-edc6-458b-a335-e87ec019f718",
  userId: "69bdd931-211b-469b-bd21-0c279cd91efd",
  shareId: "kq7Zt2mXw9Lr4bN8",
  path: "reset",
  action: "pause",
};

/** The route's pattern with every dynamic segment filled in. */
export function samplePath(route: ApiRoute): string {
  return route.pattern
    .split("/")
    .map((segment) => {
      const name = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];
      if (!name) return segment;
      const value = SAMPLE_SEGMENTS[name];
      if (!value)
        throw new Error(
          `${route.file}: no sample value for the segment [${name}]; add one to SAMPLE_SEGMENTS`,
        );
      return encodeURIComponent(value);
    })
    .join("/");
}

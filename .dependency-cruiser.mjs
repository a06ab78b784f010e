// The architecture as rules on the import graph (npm run lint:architecture). Paths are resolved
// files, so `@/lib/x`, `../x` and `import("…")` are all caught; test code is not cruised.
// Cycles between lib/ folders are checked by .dependency-cruiser-folders.mjs, built on this file.

// Modules the browser may load: types and rules shared by pages and server, free of server code.
const sharedWithBrowser = [
  "^lib/api/contracts(\\.ts$|/)",
  "^lib/api/errors\\.ts$",
  "^lib/provisioning/",
  "^lib/bulk/(limits|counts)\\.ts$",
];
const serverOnly = "^node_modules/server-only/";

/** The temporary exceptions: the files, and why they may break a rule for now (none at present). */
export const temporarily = {};

// Test code may import what it tests and what stands in for it (the same files as testCode in
// eslint.config.mjs); lib/testing/ holds its helpers.
export const testCode = ["\\.(test|spec)\\.tsx?$", "^lib/testing/"];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "lib-not-to-console",
      comment: "lib/console wires lib/ together for the route handlers; nothing in lib/ depends on it.",
      severity: "error",
      from: { path: "^lib/", pathNot: "^lib/console/" },
      to: { path: "^lib/console/" },
    },
    {
      name: "lib-not-to-ui",
      comment: "lib/ is below the pages: it never imports app/ or components/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "provisioning-is-pure",
      comment: "lib/provisioning is the domain: data to data, no other project module, no I/O.",
      severity: "error",
      from: { path: "^lib/provisioning/" },
      to: { path: ["^(app|components|lib)/", serverOnly], pathNot: "^lib/provisioning/" },
    },
    {
      name: "provisioning-no-node",
      comment: "lib/provisioning is the domain: no Node built-in (no file, network or process access).",
      severity: "error",
      from: { path: "^lib/provisioning/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "components-no-server-code",
      comment:
        "components/ run in the browser: from lib/ they import only the shared modules (a type-only " +
        "import is erased and brings no server code).",
      severity: "error",
      from: { path: "^components/" },
      to: {
        path: ["^lib/", "^app/", serverOnly],
        pathNot: sharedWithBrowser,
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "components-no-node",
      comment: "components/ run in the browser: no Node built-in.",
      severity: "error",
      from: { path: "^components/" },
      to: { dependencyTypes: ["core"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "shared-stays-browser-safe",
      comment:
        "A module shared with the browser imports only other shared modules (lib/provisioning: above).",
      severity: "error",
      from: { path: sharedWithBrowser, pathNot: "^lib/provisioning/" },
      to: { path: ["^(app|components|lib)/", serverOnly], pathNot: sharedWithBrowser },
    },
    {
      name: "shared-no-node",
      comment: "A module shared with the browser imports no Node built-in.",
      severity: "error",
      from: { path: sharedWithBrowser, pathNot: "^lib/provisioning/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "demo-tenant-stands-alone",
      comment:
        "lib/demo-tenant is a stand-alone Graph-compatible tenant: it knows nothing of the console " +
        "that calls it.",
      severity: "error",
      from: { path: "^lib/demo-tenant/" },
      to: { path: "^(app/|components/|lib/(console|runs|bulk|auth|api|graph)/)" },
    },
    {
      name: "graph-knows-only-graph",
      comment:
        "lib/graph speaks HTTP to Graph through the fetch it is given: it knows nothing of the " +
        "console's storage, callers, tokens or the demo tenant behind that fetch.",
      severity: "error",
      from: { path: "^lib/graph/" },
      to: {
        path: "^(app/|components/|lib/(console|runs|bulk|demo-tenant|api|auth)/)",
        pathNot: "^lib/api/contracts",
      },
    },
    {
      name: "graph-speaks-the-contract-only-in-types",
      comment: "lib/graph's presenters answer in the API's shapes: types from lib/api/contracts, no code.",
      severity: "error",
      from: { path: "^lib/graph/" },
      to: { path: "^lib/api/contracts", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "runs-below-bulk-and-auth",
      comment: "lib/runs stores runs: bulk runs, callers and the demo tenant are built on it, not in it.",
      severity: "error",
      from: { path: "^lib/runs/" },
      to: { path: "^lib/(console|bulk|auth|demo-tenant)/" },
    },
    {
      name: "bulk-below-console",
      comment: "lib/bulk is given its Graph client and caller; it does not authenticate or pick a tenant.",
      severity: "error",
      from: { path: "^lib/bulk/" },
      to: { path: "^lib/(console|auth|demo-tenant)/" },
    },
    {
      name: "auth-below-graph",
      comment:
        "lib/auth gets tokens; it calls no Graph operation, runs nothing in bulk, and has no demo branch.",
      severity: "error",
      from: { path: "^lib/auth/" },
      to: { path: "^lib/(graph|bulk|demo-tenant)/" },
    },
    {
      name: "thin-route-handlers",
      comment:
        "A route handler uses the wrapper and contracts of lib/api and calls lib/console, nothing else in lib/.",
      severity: "error",
      from: { path: "^app/api/" },
      to: { path: "^lib/", pathNot: ["^lib/api/", "^lib/console/"] },
    },
    {
      name: "no-circular",
      comment:
        "No module depends on itself through others at run time (types that name each other are erased).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  required: [
    {
      name: "server-only-marker",
      comment: "Server code in lib/auth, lib/graph, lib/runs and lib/demo-tenant imports server-only.",
      severity: "error",
      module: { path: "^lib/(auth|graph|runs|demo-tenant)/" },
      to: { path: serverOnly },
    },
  ],
  options: {
    exclude: { path: testCode },
    doNotFollow: { path: "^node_modules/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};

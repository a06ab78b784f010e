// Cycles between lib/ folders (npm run lint:architecture): the lib/ folders form layers, so no folder
// depends on itself through others. A folder rule sees folders, not files, so the files excepted for
// now are left out of this graph altogether (each is still checked by every module rule).
import modules, { temporarily } from "./.dependency-cruiser.mjs";

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular-lib-folders",
      comment: "The lib/ folders form layers: no folder depends on itself through others.",
      severity: "error",
      scope: "folder",
      // Folders nested in a lib/ folder count as part of it; cycles inside one lib/ folder are not this rule's.
      from: { path: "^(lib/[^/]+)" },
      to: { path: "^lib/[^/]+", pathNot: "^$1(/|$)", circular: true },
    },
  ],
  options: {
    ...modules.options,
    exclude: {
      path: [...modules.options.exclude.path, ...Object.values(temporarily)],
    },
  },
};

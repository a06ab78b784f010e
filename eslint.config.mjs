import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Test code: tests, their helpers (all in lib/testing/), the browser suite and the benchmarks
// (.dependency-cruiser.mjs leaves the same files out of the architecture rules).
const testCode = ["**/*.test.ts", "**/*.spec.ts", "lib/testing/**", "e2e/**", "bench/**"];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The hooks rules are for React code only: Playwright fixtures and vitest helpers also call `use…`.
  { files: ["app/**", "components/**"], ...reactHooks.configs.flat.recommended },
  nextPlugin.configs.recommended,
  nextPlugin.configs["core-web-vitals"],
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        URL: "readonly",
        fetch: "readonly",
        Request: "readonly",
        Response: "readonly",
        Headers: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        structuredClone: "readonly",
        crypto: "readonly",
        performance: "readonly",
        AbortController: "readonly",
        AbortSignal: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        Buffer: "readonly",
        global: "readonly",
        globalThis: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        queueMicrotask: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Only lib/env.ts reads the environment (instrumentation reads Next's own inlined constant).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/env.ts", "instrumentation.ts", "scripts/**", "playwright.config.ts", ...testCode],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/env.ts." },
      ],
    },
  },
  {
    // Production code never depends on a test helper.
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    ignores: testCode,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)testing/",
              message: "lib/testing/ holds test helpers: production code does not import them.",
            },
          ],
          // Each brings more script to every page that uses it than what it is used for (issue 19).
          paths: [
            {
              name: "@mui/material/TextField",
              message:
                "TextField brings Select, Menu and Popover along: use components/TextInput (select too).",
            },
            {
              name: "@mui/material/Select",
              message: "Use components/TextInput with select: the browser's own list, no menu to load.",
            },
            {
              name: "@mui/material/Tooltip",
              message: "Tooltip brings its popper to the page: give the element a title (and an aria-label).",
            },
          ],
        },
      ],
    },
  },
);

import { expect, test } from "@playwright/test";
import {
  consoleApiOf,
  consolePages,
  kb,
  SCRIPT_BUDGET_BYTES,
  weighPage,
  withoutCache,
  type PageWeight,
} from "./page-weight";

// Every page, visited cold as a person would open it: none downloads the schema library (the
// browser takes the server's validated answers), and none grows past the ceiling. The aim is
// SCRIPT_BUDGET_BYTES (200 KB); the pages are not there yet (npm run bench prints by how much),
// so the ceiling is what the heaviest page weighs now with a little room: a page that grows is
// caught, and the ceiling only ever comes down.
const SCRIPT_CEILING_BYTES = 320 * 1024;

test("every page stays under the script ceiling, and none downloads zod", async ({ page, request }) => {
  test.setTimeout(120_000);
  const pages = await consolePages(consoleApiOf(request));
  const checked: Promise<string | null>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    // zod 4 keeps its internals under `_zod` on every schema, minified or not.
    checked.push(
      response.text().then(
        (text) => (text.includes("_zod") ? response.url() : null),
        () => null,
      ),
    );
  });
  await withoutCache(page);
  const weights: PageWeight[] = [];
  for (const consolePage of pages) weights.push(await weighPage(page, consolePage));
  await test.info().attach("script per page", {
    contentType: "text/plain",
    body: weights
      .map((w) => `${w.name}: ${kb(w.bytes)} KB (aim ${kb(SCRIPT_BUDGET_BYTES)} KB) in ${w.scripts} scripts`)
      .join("\n"),
  });
  expect(weights.map((w) => w.name)).toContain("run");
  for (const weight of weights)
    expect(weight.bytes, `${weight.name} (${weight.path}): compressed script`).toBeLessThanOrEqual(
      SCRIPT_CEILING_BYTES,
    );
  const zodIn = (await Promise.all(checked)).filter((url) => url !== null);
  expect(zodIn, "scripts holding zod").toEqual([]);
});

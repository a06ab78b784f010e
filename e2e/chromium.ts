/** Debian's Chromium (Playwright's own browser downloads are unreachable), scripts/chromium.mjs installs it. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Headless and kept off the network (see STACK.md): the browser tests', the bench's and every spec's own launch. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

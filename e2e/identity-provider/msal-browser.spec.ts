import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { expect, test } from "@playwright/test";
import { startTestIdentityProvider, type TestIdentityProvider } from "./test-identity-provider";

// @azure/msal-browser, unbundled, in Chromium against the test identity provider: the redirect
// sign-in, the code redeemed from the browser (CORS), a refresh from the browser, and sign-out.

const tenantId = "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
const clientId = "2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f";
const apiScope = `api://${clientId}/access_as_user`;
const operator = {
  oid: "33333333-cccc-4ddd-8eee-000000000001",
  name: "Olivia Operator",
  preferredUsername: "olivia@contoso.test",
  roles: ["Console.Operator"],
};

const azureModules = join(process.cwd(), "node_modules", "@azure");

let provider: TestIdentityProvider;
let app: Server;
let appOrigin: string;

/** The SPA: msal-browser with the configuration the console needs against this provider. */
function appPage(): string {
  const settings = {
    auth: {
      clientId,
      authority: provider.authority,
      knownAuthorities: [provider.host],
      redirectUri: `${appOrigin}/`,
      postLogoutRedirectUri: `${appOrigin}/`,
    },
    cache: { cacheLocation: "sessionStorage" },
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title>
<script type="importmap">{"imports":{"@azure/msal-common/browser":"/@azure/msal-common/dist-browser/index-browser.mjs"}}</script>
</head><body><p id="status">loading</p><pre id="claims"></pre>
<button id="sign-in">Sign in</button><button id="refresh">Refresh</button><button id="sign-out">Sign out</button>
<script type="module">
import { PublicClientApplication } from "/@azure/msal-browser/dist/index.mjs";
const status = document.getElementById("status");
try {
  const pca = new PublicClientApplication(${JSON.stringify(settings)});
  await pca.initialize();
  const redirected = await pca.handleRedirectPromise();
  const account = redirected?.account ?? pca.getAllAccounts()[0];
  const show = (result) => {
    document.getElementById("claims").textContent = JSON.stringify(JSON.parse(atob(result.accessToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))));
  };
  document.getElementById("sign-in").onclick = () => pca.loginRedirect({ scopes: ["${apiScope}"], state: "/runs/42" });
  document.getElementById("sign-out").onclick = () => pca.logoutRedirect({ account });
  document.getElementById("refresh").onclick = async () => {
    show(await pca.acquireTokenSilent({ scopes: ["${apiScope}"], account, forceRefresh: true }));
    status.textContent = "refreshed";
  };
  if (account) {
    show(await pca.acquireTokenSilent({ scopes: ["${apiScope}"], account }));
    status.textContent = "signed in as " + account.name + (redirected ? " state=" + redirected.state : "");
  } else {
    status.textContent = "signed out";
  }
} catch (error) {
  status.textContent = "error: " + error;
}
</script></body></html>`;
}

test.beforeAll(async () => {
  app = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://app").pathname;
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(appPage());
      return;
    }
    const file = normalize(join(azureModules, path.replace(/^\/@azure\//, "")));
    if (!path.startsWith("/@azure/") || !file.startsWith(azureModules) || !file.endsWith(".mjs")) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  provider = await startTestIdentityProvider({
    tenantId,
    consoleClientId: clientId,
    consoleClientSecret: "unused-by-the-spa",
    consoleApiScope: apiScope,
    users: [operator],
  });
});

test.afterAll(async () => {
  await provider?.stop();
  await new Promise((resolve) => app?.close(resolve));
});

test.use({ ignoreHTTPSErrors: true }); // the provider's certificate is self-signed

test("msal-browser signs in by redirect, redeems the code from the browser, refreshes and signs out", async ({
  page,
}) => {
  await page.goto(`${appOrigin}/`);
  await expect(page.locator("#status")).toHaveText("signed out");

  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("button", { name: "Sign in as Olivia Operator" }).click();
  await expect(page.locator("#status")).toHaveText("signed in as Olivia Operator state=/runs/42");
  const claims = JSON.parse((await page.locator("#claims").textContent()) ?? "{}") as Record<string, unknown>;
  expect(claims).toMatchObject({
    aud: clientId,
    scp: "access_as_user",
    oid: operator.oid,
    roles: ["Console.Operator"],
  });

  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.locator("#status")).toHaveText("refreshed");

  const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(provider.issuedGraphTokens().filter((token) => storage.includes(token))).toEqual([]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator("#status")).toHaveText("signed out");
});

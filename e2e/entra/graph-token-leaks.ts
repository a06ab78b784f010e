import type { BrowserContext } from "@playwright/test";

/**
 * Everything a browser context could hold on to: every /api response body its pages saw, its
 * cookies, and each open page's localStorage, sessionStorage and IndexedDB.
 */
export class BrowserEvidence {
  private readonly apiBodies: Promise<string>[] = [];

  constructor(private readonly context: BrowserContext) {
    context.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/api/")) {
        this.apiBodies.push(response.text().catch(() => ""));
      }
    });
  }

  get apiResponsesSeen(): number {
    return this.apiBodies.length;
  }

  /** Each place as text, named, to search. */
  async collect(): Promise<{ place: string; text: string }[]> {
    const places = (await Promise.all(this.apiBodies)).map((text, index) => ({
      place: `/api response #${index + 1}`,
      text,
    }));
    places.push({ place: "cookies", text: JSON.stringify(await this.context.cookies()) });
    for (const page of this.context.pages()) {
      if (page.isClosed() || !page.url().startsWith("http")) continue;
      const stored = await page
        .evaluate(dumpStorage)
        .catch((error: unknown) => `unreadable: ${String(error)}`);
      places.push({ place: `storage of ${page.url()}`, text: stored });
    }
    return places;
  }

  /** The places that contain any of the tokens (none expected). */
  async placesHolding(tokens: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const { place, text } of await this.collect()) {
      if (tokens.some((token) => text.includes(token))) found.push(place);
    }
    return found;
  }
}

// Runs in the page: localStorage, sessionStorage and every IndexedDB store as one string.
async function dumpStorage(): Promise<string> {
  const databases: Record<string, unknown> = {};
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName, "readonly").objectStore(storeName);
      databases[`${info.name}/${storeName}`] = await new Promise((resolve, reject) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
  }
  return JSON.stringify({
    localStorage: { ...localStorage },
    sessionStorage: { ...sessionStorage },
    databases,
  });
}

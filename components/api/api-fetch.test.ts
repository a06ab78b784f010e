import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError, apiDownload, apiFetch, onAuthRefusal, setAccessTokenSource } from "./api-fetch";

afterEach(() => {
  setAccessTokenSource(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function answering(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_path: string, _init?: RequestInit) => Response.json(body, { status }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const sentHeaders = (mock: ReturnType<typeof answering>) => new Headers(mock.mock.calls[0]![1]!.headers);

describe("apiFetch and the signed-in user's token", () => {
  it("sends no Authorization header when no token source is registered (demo mode)", async () => {
    const fetchMock = answering(200, { ok: true });
    await apiFetch("/api/runs");
    expect(sentHeaders(fetchMock).has("authorization")).toBe(false);
  });

  it("asks the token source before every call and sends its token as a bearer token", async () => {
    const fetchMock = answering(200, { ok: true });
    let issued = 0;
    setAccessTokenSource(async () => `token-${++issued}`);
    await apiFetch("/api/runs");
    await apiFetch("/api/audit");
    expect(fetchMock.mock.calls.map(([, init]) => new Headers(init!.headers).get("authorization"))).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("renews a token the console refused as expired and tries once more; other refusals are final", async () => {
    const answers = [
      Response.json(
        { error: { code: "unauthenticated", message: "expired", authReason: "token_expired" } },
        { status: 401 },
      ),
      Response.json({ items: [] }),
    ];
    const fetchMock = vi.fn(async (_path: string, _init?: RequestInit) => answers.shift()!);
    vi.stubGlobal("fetch", fetchMock);
    const asked: (boolean | undefined)[] = [];
    setAccessTokenSource(async (options) => {
      asked.push(options?.fresh);
      return options?.fresh ? "fresh-token" : "cached-token";
    });
    expect(await apiFetch("/api/runs", { method: "POST", json: { a: 1 } })).toEqual({ items: [] });
    expect(asked).toEqual([false, true]);
    expect(fetchMock.mock.calls.map(([, init]) => new Headers(init!.headers).get("authorization"))).toEqual([
      "Bearer cached-token",
      "Bearer fresh-token",
    ]);
    expect(fetchMock.mock.calls[1]![1]!.body).toBe('{"a":1}');

    const refused = answering(401, {
      error: { code: "unauthenticated", message: "bad", authReason: "token_signature_invalid" },
    });
    await expect(apiFetch("/api/runs")).rejects.toMatchObject({ status: 401 });
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it("makes no request at all when no token can be had", async () => {
    const fetchMock = answering(200, {});
    setAccessTokenSource(async () => {
      throw new Error("Sign in to use the console.");
    });
    await expect(apiFetch("/api/runs")).rejects.toThrow("Sign in");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("reports a refusal with its auth reason to listeners and to the caller", async () => {
    answering(403, {
      error: {
        code: "forbidden",
        message: "Graph access has not been consented to.",
        authReason: "consent_required",
      },
    });
    const heard: ApiClientError[] = [];
    const stop = onAuthRefusal((error) => heard.push(error));
    const failure = await apiFetch("/api/service-principals").catch((error: unknown) => error);
    stop();
    expect(failure).toBeInstanceOf(ApiClientError);
    expect((failure as ApiClientError).authReason).toBe("consent_required");
    expect(heard.map((error) => [error.status, error.authReason])).toEqual([[403, "consent_required"]]);
  });

  it("does not bother listeners with errors that are not about sign-in", async () => {
    answering(404, { error: { code: "not_found", message: "No such run." } });
    const heard: ApiClientError[] = [];
    const stop = onAuthRefusal((error) => heard.push(error));
    await expect(apiFetch("/api/runs/x")).rejects.toMatchObject({ status: 404, authReason: null });
    stop();
    expect(heard).toEqual([]);
  });
});

describe("apiDownload", () => {
  it("fetches the file with the token and saves it under the server's file name", async () => {
    const fetchMock = vi.fn(
      async (_path: string, _init?: RequestInit) =>
        new Response("a,b\n1,2\n", {
          headers: { "content-type": "text/csv", "content-disposition": 'attachment; filename="run-42.csv"' },
        }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const link = { href: "", download: "", click: vi.fn() };
    vi.stubGlobal("document", { createElement: () => link });
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:console/1");
    setAccessTokenSource(async () => "token-1");

    await apiDownload("/api/runs/42/export?format=csv", "run.csv");

    expect(new Headers(fetchMock.mock.calls[0]![1]!.headers).get("authorization")).toBe("Bearer token-1");
    expect(link).toMatchObject({ href: "blob:console/1", download: "run-42.csv" });
    expect(link.click).toHaveBeenCalledOnce();
  });

  it("turns a refusal into the same ApiClientError as apiFetch and saves nothing", async () => {
    answering(401, { error: { code: "unauthenticated", message: "Sign in.", authReason: "token_missing" } });
    const link = { click: vi.fn() };
    vi.stubGlobal("document", { createElement: () => link });
    await expect(apiDownload("/api/audit?format=csv", "audit.csv")).rejects.toMatchObject({
      status: 401,
      authReason: "token_missing",
    });
    expect(link.click).not.toHaveBeenCalled();
  });
});

import { describe, expect, it } from "vitest";
import { verifyConsoleToken } from "./console-token";
import { createSigningKeys, signingKeysFor, type FetchJwks } from "./signing-keys";
import {
  AUTHORITY_HOST,
  CLIENT_ID,
  consoleClaims,
  NOW_MS,
  TENANT_ID,
  tokenKit,
} from "@/lib/testing/token-kit";

const first = tokenKit();
const rotated = tokenKit();

/** A JWKS endpoint that counts its readers and publishes whatever keys the test sets. */
function jwksEndpoint(initial: ReturnType<typeof tokenKit>[]) {
  let published = initial;
  const endpoint = {
    fetches: 0,
    publish(kits: ReturnType<typeof tokenKit>[]) {
      published = kits;
    },
    fetch: (async () => {
      endpoint.fetches += 1;
      return { keys: published.flatMap((kit) => kit.jwks().keys) };
    }) as FetchJwks,
  };
  return endpoint;
}

describe("the issuer's signing keys", () => {
  it("are fetched once for many verifications", async () => {
    const endpoint = jwksEndpoint([first]);
    const config = {
      issuer: `${AUTHORITY_HOST}/${TENANT_ID}/v2.0`,
      audiences: [CLIENT_ID],
      tenantId: TENANT_ID,
      jwksUri: `${AUTHORITY_HOST}/${TENANT_ID}/discovery/v2.0/keys`,
      now: () => NOW_MS,
      fetchJwks: endpoint.fetch,
    };
    const tokens = Array.from({ length: 25 }, (_, i) => first.sign(consoleClaims({ oid: `user-${i}` })));
    const verified = await Promise.all(tokens.map((token) => verifyConsoleToken(token, config)));
    expect(verified.map((claims) => claims.oid)).toEqual(tokens.map((_, i) => `user-${i}`));
    expect(endpoint.fetches).toBe(1);
    expect(signingKeysFor(config.jwksUri, endpoint.fetch)).toBe(
      signingKeysFor(config.jwksUri, endpoint.fetch),
    );
  });

  it("are fetched again when a token names a key not seen yet (rotation)", async () => {
    let now = NOW_MS;
    const endpoint = jwksEndpoint([first]);
    const keys = createSigningKeys({
      jwksUri: "https://idp/keys",
      fetchJwks: endpoint.fetch,
      now: () => now,
    });
    expect(await keys.key(first.key.kid)).toBeDefined();
    endpoint.publish([first, rotated]);
    now += 61_000;
    expect(await keys.key(rotated.key.kid)).toBeDefined();
    expect(endpoint.fetches).toBe(2);
  });

  it("refetch at most once a minute for unknown kids, so forged kids cannot flood the issuer", async () => {
    let now = NOW_MS;
    const endpoint = jwksEndpoint([first]);
    const keys = createSigningKeys({
      jwksUri: "https://idp/keys",
      fetchJwks: endpoint.fetch,
      now: () => now,
    });
    await keys.key(first.key.kid);
    for (let i = 0; i < 20; i++) expect(await keys.key(`forged-${i}`)).toBeUndefined();
    expect(endpoint.fetches).toBe(1);
    now += 60_000;
    expect(await keys.key("forged-again")).toBeUndefined();
    expect(endpoint.fetches).toBe(2);
  });

  it("are read again after the TTL, and kept when the issuer cannot be reached then", async () => {
    let now = NOW_MS;
    let reachable = true;
    let fetches = 0;
    const keys = createSigningKeys({
      jwksUri: "https://idp/keys",
      ttlMs: 3_600_000,
      now: () => now,
      fetchJwks: async () => {
        fetches += 1;
        if (!reachable) throw new Error("connect ECONNREFUSED");
        return first.jwks();
      },
    });
    await keys.key(first.key.kid);
    now += 3_600_000;
    reachable = false;
    expect(await keys.key(first.key.kid)).toBeDefined();
    expect(fetches).toBe(2);
  });

  it("answer 502 naming the URL when the issuer cannot be reached and no keys are known", async () => {
    const keys = createSigningKeys({
      jwksUri: "https://idp.invalid/keys",
      fetchJwks: async () => {
        throw new Error("getaddrinfo ENOTFOUND idp.invalid");
      },
    });
    await expect(keys.key("any")).rejects.toMatchObject({
      status: 502,
      message: expect.stringContaining("idp.invalid"),
    });
  });

  it("answer 502 when the document is not a key set, and skip keys they cannot use", async () => {
    const notAKeySet = createSigningKeys({
      jwksUri: "https://idp/keys",
      fetchJwks: async () => ({ hello: 1 }),
    });
    await expect(notAKeySet.key("any")).rejects.toMatchObject({ status: 502 });
    const mixed = createSigningKeys({
      jwksUri: "https://idp/keys",
      fetchJwks: async () => ({
        keys: [
          { kty: "EC", kid: "ec" },
          { kty: "RSA", kid: "broken", n: "!!", e: "AQAB" },
          ...first.jwks().keys,
        ],
      }),
    });
    expect(await mixed.key("ec")).toBeUndefined();
    expect(await mixed.key(first.key.kid)).toBeDefined();
  });
});

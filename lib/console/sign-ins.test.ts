import { describe, expect, it } from "vitest";
import { callerFromClaims } from "@/lib/auth";
import type { BulkGraph } from "@/lib/bulk";
import { parseEnv } from "@/lib/env";
import { createSignIns } from "./sign-ins";

const entra = {
  ENTRA_TENANT_ID: "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
  ENTRA_CLIENT_ID: "2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f",
  ENTRA_CLIENT_SECRET: "s",
};
const NOW = 1_800_000_000_000;

/** An operator signed in with a token that expires `inMs` from now. */
function operator(inMs: number, oid = "op-1") {
  const claims = { oid, tid: "t", roles: [], scopes: [], claims: { exp: Math.floor((NOW + inMs) / 1000) } };
  return callerFromClaims(claims as never, `token-for-${oid}-${inMs}`);
}

function signInsFor(settings: Record<string, string>) {
  const asked: { id: string; assertion?: string }[] = [];
  const signIns = createSignIns({
    settings: parseEnv(settings),
    graphFor: (caller) => {
      asked.push({ id: caller.id, assertion: caller.assertion });
      return {} as BulkGraph;
    },
    now: () => NOW,
  });
  return { signIns, asked };
}

describe("sign-ins for bulk runs", () => {
  it("in delegated mode calls Graph as the operator only while their sign-in has minutes left", () => {
    const { signIns, asked } = signInsFor(entra);
    expect(signIns.graphForActor("op-1")).toBeNull();
    signIns.remember(operator(60_000));
    expect(signIns.graphForActor("op-1")).toBeNull(); // a minute is not enough for a two-minute call
    signIns.remember(operator(3_600_000));
    expect(signIns.graphForActor("op-1")).not.toBeNull();
    expect(asked).toEqual([{ id: "op-1", assertion: "token-for-op-1-3600000" }]);
  });

  it("keeps the sign-in that lasts longest, and never one operator's for another", () => {
    const { signIns, asked } = signInsFor(entra);
    signIns.remember(operator(3_600_000));
    signIns.remember(operator(600_000)); // an older token arriving late
    signIns.remember(operator(3_600_000, "op-2"));
    signIns.graphForActor("op-1");
    expect(asked.at(-1)).toEqual({ id: "op-1", assertion: "token-for-op-1-3600000" });
    expect(signIns.graphForActor("op-3")).toBeNull();
  });

  it("in demo and application mode any instance may send, as the console", () => {
    for (const settings of [{}, { ...entra, GRAPH_PERMISSION_MODE: "application" }]) {
      const { signIns, asked } = signInsFor(settings);
      expect(signIns.graphForActor("someone")).not.toBeNull();
      expect(asked).toEqual([{ id: "someone", assertion: undefined }]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { shareLinkStateOf, shareLinkStateText } from "./share-state";

const now = new Date("2026-11-28T12:00:00.000Z");
const day = (iso: string) => iso.slice(0, 10);

describe("the state of a shared link", () => {
  it("is active when it never expires and was never revoked", () => {
    expect(shareLinkStateOf({ expiresAt: null, revokedAt: null }, now)).toBe("active");
  });

  it("is active until the expiry instant and expired from it on", () => {
    expect(shareLinkStateOf({ expiresAt: "2026-11-28T12:00:00.001Z", revokedAt: null }, now)).toBe("active");
    expect(shareLinkStateOf({ expiresAt: "2026-11-28T12:00:00.000Z", revokedAt: null }, now)).toBe("expired");
    expect(shareLinkStateOf({ expiresAt: "2026-11-01T00:00:00.000Z", revokedAt: null }, now)).toBe("expired");
  });

  it("compares instants, not text, so an offset does not fool it", () => {
    // 13:30+02:00 is 11:30Z, half an hour before now, though the text sorts after "12:00Z".
    expect(shareLinkStateOf({ expiresAt: "2026-11-28T13:30:00+02:00", revokedAt: null }, now)).toBe(
      "expired",
    );
  });

  it("is revoked once revoked, even if it has also expired", () => {
    const link = { expiresAt: "2026-11-02T00:00:00.000Z", revokedAt: "2026-11-01T00:00:00.000Z" };
    expect(shareLinkStateOf(link, now)).toBe("revoked");
    expect(shareLinkStateText(link, now, day)).toBe("Revoked 2026-11-01");
  });

  it("says when it expires, expired or never will", () => {
    expect(shareLinkStateText({ expiresAt: "2026-12-05T12:00:00.000Z", revokedAt: null }, now, day)).toBe(
      "Expires 2026-12-05",
    );
    expect(shareLinkStateText({ expiresAt: "2026-11-21T12:00:00.000Z", revokedAt: null }, now, day)).toBe(
      "Expired 2026-11-21",
    );
    expect(shareLinkStateText({ expiresAt: null, revokedAt: null }, now, day)).toBe("Never expires");
  });
});

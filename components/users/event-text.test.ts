import { describe, expect, it } from "vitest";
import { durationText, originText, reachText } from "./event-text";
import { directTarget, eventHref, userHref } from "./user-links";

describe("how the user page words an application's reach", () => {
  const group = (displayName: string) => ({ id: displayName, displayName });
  it("names the groups a user is assigned through", () => {
    expect(reachText({ reason: "assigned", direct: false, groups: [group("Sales Team EMEA")] })).toBe(
      "Assigned through group Sales Team EMEA",
    );
    expect(
      reachText({
        reason: "assigned",
        direct: true,
        groups: [group("Sales"), group("EMEA"), group("Pilot")],
      }),
    ).toBe("Assigned directly and through groups Sales, EMEA and Pilot");
    expect(reachText({ reason: "assigned", direct: true, groups: [] })).toBe("Assigned directly");
  });
  it("says when Cloud Sync, or only the log, ties the user to the app", () => {
    expect(reachText({ reason: "onPremises", direct: false, groups: [] })).toMatch(/Cloud Sync/);
    expect(reachText({ reason: "logOnly", direct: false, groups: [] })).toMatch(/^Not assigned now/);
  });
});

describe("event words", () => {
  it("names who started an event, and how long it took", () => {
    expect(originText("cycle")).toBe("Scheduled cycle");
    expect(originText("onDemand")).toBe("Provision on demand");
    expect(durationText(850)).toBe("850 ms");
    expect(durationText(3236)).toBe("3.2 s");
    expect(durationText(null)).toBeNull();
  });
});

describe("user page links", () => {
  it("encodes ids, UPNs and event ids as single segments", () => {
    expect(userHref("MeganB@contoso.com")).toBe("/users/MeganB%40contoso.com");
    expect(eventHref("u/1", "e?1")).toBe("/users/u%2F1/events/e%3F1");
  });
  it("goes straight to a user for an object id or a whole address, and searches anything else", () => {
    expect(directTarget(" 5930e14b-a8eb-4fb8-8dce-f64882db733d ")).toBe(
      "/users/5930e14b-a8eb-4fb8-8dce-f64882db733d",
    );
    expect(directTarget("MeganB@contoso.com")).toBe("/users/MeganB%40contoso.com");
    expect(directTarget("Megan")).toBeNull();
    expect(directTarget("megan@")).toBeNull();
  });
});

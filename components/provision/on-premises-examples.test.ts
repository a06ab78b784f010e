import { describe, expect, it } from "vitest";
import { DEMO_FIXTURES } from "@/lib/demo-tenant";
import { distinguishedNameProblem } from "@/lib/provisioning/distinguished-name";
import { DEMO_EXAMPLE_DN, FORMAT_EXAMPLE_DN } from "./on-premises-examples";

describe("the DN field's examples", () => {
  it("offers in demo mode a DN that exists in the demo forest", () => {
    expect(DEMO_EXAMPLE_DN).toBe(DEMO_FIXTURES.cloudSync.newUserDn);
  });

  it("are well-formed distinguished names", () => {
    expect(distinguishedNameProblem(DEMO_EXAMPLE_DN)).toBeNull();
    expect(distinguishedNameProblem(FORMAT_EXAMPLE_DN)).toBeNull();
  });
});

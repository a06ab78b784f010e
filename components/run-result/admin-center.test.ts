import { describe, expect, it } from "vitest";
import { adminCenterOrigin, usersAndGroupsHref } from "./admin-center";

describe("usersAndGroupsHref", () => {
  it("opens the application's Users and groups page, ids encoded", () => {
    expect(usersAndGroupsHref("https://graph.microsoft.com", "sp 1", "app/2")).toBe(
      "https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Users/objectId/sp%201/appId/app%2F2",
    );
  });

  it("falls back to the enterprise applications without an appId", () => {
    expect(usersAndGroupsHref("https://graph.microsoft.com", "sp", null)).toContain(
      "StartboardApplicationsMenuBlade",
    );
  });

  it("uses the admin center of the national cloud", () => {
    expect(adminCenterOrigin("https://graph.microsoft.us")).toBe("https://entra.microsoft.us");
    expect(adminCenterOrigin("https://microsoftgraph.chinacloudapi.cn")).toBe(
      "https://entra.microsoftonline.cn",
    );
    expect(adminCenterOrigin("http://127.0.0.1:4010")).toBe("https://entra.microsoft.com");
  });
});

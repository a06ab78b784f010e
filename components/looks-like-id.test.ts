import { describe, expect, it } from "vitest";
import { looksLikeId } from "./looks-like-id";

describe("looksLikeId", () => {
  it.each([
    "69bdd931-211b-469b-bd21-0c279cd91efd",
    "{69BDD931-211B-469B-BD21-0C279CD91EFD}",
    "CN=Patti Fernandez,OU=Users,OU=Chicago,DC=corp,DC=contoso,DC=com",
    "CN=Vest\\, Adele,OU=Staff,DC=corp,DC=contoso,DC=com",
    "S-1-5-21-3623811015-3361044348-30300820-1013",
    "scim.cd1187dd8c354ba5ad25335161c990d8.e6d31902-1112-4a93-9b26-0ea8d8711cc0",
    "x5qjS8xlL0uA9bV7pQmM2w==",
  ])("takes %s for an id", (value) => {
    expect(looksLikeId(value)).toBe(true);
  });

  it.each([
    "Sales Team EMEA",
    "AdeleV@contoso.com",
    "Retail Manager",
    "True",
    "department EQUALS 'Sales'",
    "title=Manager, department=Sales",
    "AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService",
    "",
  ])("reads %s as words", (value) => {
    expect(looksLikeId(value)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { parseCsv, readCsv, readLines } from "./source-lines";

const ID = "69bdd931-211b-469b-bd21-0c279cd91efd";

describe("pasted lines", () => {
  it("reads ids, UPNs and DNs by what they look like, skipping blanks and comments, with their line", () => {
    const entries = readLines(
      `# re-provision after the mapping fix\n${ID.toUpperCase()}\n\n  AdeleV@contoso.com  \r\nCN=Vest\\, Adele,OU=Staff,DC=corp,DC=contoso,DC=com\nAdele Vance\n`,
    );
    expect(entries).toEqual([
      { kind: "objectId", value: ID, line: 2 },
      { kind: "userPrincipalName", value: "AdeleV@contoso.com", line: 4 },
      { kind: "distinguishedName", value: "CN=Vest\\, Adele,OU=Staff,DC=corp,DC=contoso,DC=com", line: 5 },
      expect.objectContaining({ kind: "unreadable", value: "Adele Vance", line: 6 }),
    ]);
  });

  it("names what is wrong with a malformed DN", () => {
    const [entry] = readLines("CN=Adele\\Q,DC=contoso,DC=com");
    expect(entry).toMatchObject({ kind: "unreadable", reason: expect.stringMatching(/backslash/) });
  });
});

describe("CSV files", () => {
  it("reads the column its header names, wherever it is, keeping file line numbers", () => {
    const csv = `displayName,userPrincipalName,department\n"Vance, Adele",AdeleV@contoso.com,Sales\n"Wilber\nAlex",AlexW@contoso.com,Eng\n`;
    expect(readCsv(csv)).toEqual([
      { kind: "userPrincipalName", value: "AdeleV@contoso.com", line: 2 },
      { kind: "userPrincipalName", value: "AlexW@contoso.com", line: 3 },
    ]);
  });

  it("reads the first column, with or without a header row it does not know", () => {
    expect(readCsv(`${ID},x\nAdeleV@contoso.com,y`).map((e) => e.kind)).toEqual([
      "objectId",
      "userPrincipalName",
    ]);
    expect(readCsv(`Who,Note\n${ID},x`)).toEqual([{ kind: "objectId", value: ID, line: 2 }]);
  });

  it("keeps quoted commas, doubled quotes and CRLF line ends apart", () => {
    expect(parseCsv('a,"b, ""c""",d\r\ne,f,g')).toEqual([
      { cells: ["a", 'b, "c"', "d"], line: 1 },
      { cells: ["e", "f", "g"], line: 2 },
    ]);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { guidText } from "@/lib/demo-tenant/engine/cloud-sync";
import { identifierForms, identifierReplacer } from "./identifier-forms";

const texts = (value: string) => identifierForms(value).map((form) => form.text);

describe("identifierForms", () => {
  it("links AD's base64 objectGUID and the GUID text Graph names the object by, both ways", () => {
    for (let i = 0; i < 20; i++) {
      const base64 = randomBytes(16).toString("base64");
      const guid = guidText(base64)!;
      expect(texts(base64)).toContain(guid);
      expect(texts(guid)).toContain(base64);
      expect(texts(guid.toUpperCase())).toContain(base64);
    }
  });

  it("links a SID's binary (base64) and its S-1-5-… text, both ways", () => {
    const base64 = "AQUAAAAAAAUVAAAAXAMNf/YJ8nmaUZofGG4BAA==";
    const sid = "S-1-5-21-2131559260-2045905398-530207130-93720";
    expect(texts(base64)).toContain(sid);
    expect(texts(sid)).toContain(base64);
  });

  it("leaves values too short to be identifiers alone", () => {
    expect(identifierForms("True")).toEqual([]);
    expect(identifierForms("512")).toEqual([]);
  });
});

describe("identifierReplacer", () => {
  it("replaces every encoding, whatever the letter case of GUID text, and nothing else", () => {
    const base64 = "xxxxxxxLIUuBM8qK5Sxxxx";
    const guid = guidText(base64)!;
    const replace = identifierReplacer([base64], "[redacted]");
    expect(replace(`source ${guid.toUpperCase()} anchor ${base64} user adelev@chicago.com`)).toBe(
      "source [redacted] anchor [redacted] user adelev@chicago.com",
    );
    expect(replace(`{"id":"{${guid}}"}`)).toBe('{"id":"{[redacted]}"}');
  });
});

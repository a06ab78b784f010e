import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { RunRequest } from "@/lib/api/contracts";
import { buildProvisionOnDemandRequest, ProvisionRequestError } from "@/lib/provisioning";
import { toCurl, toPowerShell } from "./request-snippets";

const user: RunRequest = {
  servicePrincipalId: "2f1c7a0e-1111-4222-8333-444455556666",
  jobId: "scim.4b8c2e1f3a5d4c7b9e0f.4ba2",
  ruleId: "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8#V2",
  subject: { kind: "user", objectId: "52cf7b7a-52be-4a9b-9c69-e4d4a4a14f76" },
};

const group: RunRequest = {
  servicePrincipalId: "sp-1",
  jobId: "scim.job/with slash",
  ruleId: "rule'with quote#V2",
  subject: { kind: "group", objectId: "group-1", memberIds: ["member-a", "member-b"] },
};

const onPremises: RunRequest = {
  servicePrincipalId: "sp-2",
  jobId: "AD2AADProvisioning.fc96b5d9a8c84f2e",
  ruleId: "rule-1",
  subject: { kind: "onPremisesUser", distinguishedName: "CN=O'Brien\\, Pat,OU=Sales ‘EU’,DC=contoso,DC=com" },
};

/** Reads back the subset of PowerShell the snippet writes: @{…}, @(…), '…', $null, $true, $false, numbers. */
function readPowerShell(source: string): unknown {
  let at = 0;
  const skip = () => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };
  const value = (): unknown => {
    skip();
    if (source.startsWith("@{", at)) {
      at += 2;
      const record: Record<string, unknown> = {};
      for (skip(); source[at] !== "}"; skip()) {
        const key = source[at] === "'" ? quoted() : bareWord();
        skip();
        expect(source[at]).toBe("=");
        at++;
        record[key] = value();
      }
      at++;
      return record;
    }
    if (source.startsWith("@(", at)) {
      at += 2;
      const list: unknown[] = [];
      for (skip(); source[at] !== ")"; skip()) list.push(value());
      at++;
      return list;
    }
    if (source[at] === "'") return quoted();
    const word = /^\S+/.exec(source.slice(at))![0];
    at += word.length;
    if (word === "$null") return null;
    if (word === "$true" || word === "$false") return word === "$true";
    return Number(word);
  };
  const bareWord = (): string => {
    const word = /^[A-Za-z_]\w*/.exec(source.slice(at))![0];
    at += word.length;
    return word;
  };
  const quoted = (): string => {
    let text = "";
    at++;
    for (;;) {
      const char = source[at++];
      if (char === undefined) throw new Error("unterminated string");
      if (/['\u2018\u2019\u201a\u201b]/.test(char)) {
        if (/['\u2018\u2019\u201a\u201b]/.test(source[at] ?? "")) text += source[at++];
        else return text;
      } else text += char;
    }
  };
  return value();
}

function powerShellParts(script: string) {
  const params = /^\$params = ([\s\S]*?)\n\nNew-Mg/m.exec(script);
  const call =
    /^New-MgServicePrincipalSynchronizationJobOnDemand -ServicePrincipalId ('(?:[^']|'')*') -SynchronizationJobId ('(?:[^']|'')*') -BodyParameter \$params$/m.exec(
      script,
    );
  if (!params || !call) throw new Error(`not the expected script:\n${script}`);
  return {
    body: readPowerShell(params[1]!),
    servicePrincipalId: readPowerShell(call[1]!),
    jobId: readPowerShell(call[2]!),
  };
}

/** Runs the curl snippet in bash with curl replaced by a function that prints its arguments. */
function curlArguments(snippet: string): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\nGRAPH_TOKEN=token-123\n${snippet}`;
  return execFileSync("bash", ["-c", script], { encoding: "utf8" }).split("\0").slice(0, -1);
}

describe("toPowerShell", () => {
  it.each([
    ["a user", user],
    ["a group with members", group],
    ["an on-premises user by distinguished name", onPremises],
  ])("writes a script whose $params is the Graph body for %s", (_, request) => {
    const parts = powerShellParts(toPowerShell(request));
    expect(parts.body).toEqual(
      buildProvisionOnDemandRequest({ ruleId: request.ruleId, subject: request.subject }),
    );
    expect(parts.servicePrincipalId).toBe(request.servicePrincipalId);
    expect(parts.jobId).toBe(request.jobId);
  });

  it("doubles single quotes, including typographic ones, and keeps #V2 inside the quotes", () => {
    const script = toPowerShell({ ...onPremises, ruleId: "it's#V2" });
    expect(script).toContain("ruleId = 'it''s#V2'");
    expect(script).toContain("OU=Sales ‘‘EU’’");
  });

  it("names the problem when the stored request is not valid", () => {
    const bad = {
      ...user,
      subject: { kind: "group", objectId: "g", memberIds: [] },
    } as unknown as RunRequest;
    expect(() => toPowerShell(bad)).toThrow(ProvisionRequestError);
    expect(() => toPowerShell(bad)).toThrow(/at least one member/);
  });
});

describe("toCurl", () => {
  it.each([
    ["a user", user],
    ["a group with members", group],
    ["an on-premises user by distinguished name", onPremises],
  ])("posts the Graph body for %s, as bash reads it", (_, request) => {
    const args = curlArguments(toCurl(request));
    const data = args[args.indexOf("--data-raw") + 1]!;
    expect(JSON.parse(data)).toEqual(
      buildProvisionOnDemandRequest({ ruleId: request.ruleId, subject: request.subject }),
    );
    expect(args).toContain("Authorization: Bearer token-123");
    expect(args[0]).toBe("--request");
    expect(args[1]).toBe("POST");
  });

  it("encodes the job id as one path segment", () => {
    const url = curlArguments(toCurl(group))[2]!;
    expect(url).toBe(
      "https://graph.microsoft.com/v1.0/servicePrincipals/sp-1/synchronization/jobs/scim.job%2Fwith%20slash/provisionOnDemand",
    );
  });

  it("uses the endpoint of another cloud when given one", () => {
    const url = curlArguments(toCurl(user, "https://graph.microsoft.us/v1.0/"))[2]!;
    expect(url.startsWith("https://graph.microsoft.us/v1.0/servicePrincipals/")).toBe(true);
  });
});

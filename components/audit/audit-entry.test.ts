import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/api/contracts";
import { auditActionText, auditTargetHref, summariseAuditDetail } from "./audit-entry";

const summary = (action: string, detail: unknown) =>
  summariseAuditDetail({ action: action as AuditEntry["action"], detail: detail as AuditEntry["detail"] });

describe("the audit detail summary", () => {
  it("names the object and job of a requested run", () => {
    expect(
      summary("run.requested", {
        servicePrincipalId: "sp-1",
        jobId: "scim.4b8c.4ba2",
        ruleId: "rule-1",
        subject: { kind: "user", objectId: "69bdd931-211b-469b-bd21-0c279cd91efd" },
      }),
    ).toBe("user 69bdd931-211b-469b-bd21-0c279cd91efd · job scim.4b8c.4ba2");
    expect(
      summary("run.requested", {
        jobId: "AD2AADProvisioning.fc96",
        subject: { kind: "onPremisesUser", distinguishedName: "CN=Adele Vance,OU=Users,DC=contoso,DC=com" },
      }),
    ).toBe("on-premises user CN=Adele Vance,OU=Users,DC=contoso,DC=com · job AD2AADProvisioning.fc96");
    expect(
      summary("run.requested", { subject: { kind: "group", objectId: "g-1", memberIds: ["m-1", "m-2"] } }),
    ).toBe("group g-1 with 2 members");
  });

  it("gives the outcome of a completed run and the code of a failed one", () => {
    expect(summary("run.completed", { outcome: "Success", errorCode: null })).toBe("Outcome Success");
    expect(
      summary("run.completed", {
        outcome: "Failure",
        errorCode: "SystemForCrossDomainIdentityManagementBadRequest",
      }),
    ).toBe("Outcome Failure, code SystemForCrossDomainIdentityManagementBadRequest");
    expect(summary("run.failed", { errorCode: "graph_timeout" })).toBe("Error graph_timeout");
  });

  it("names the application and the job a run used, as the run recorded them", () => {
    const job = {
      servicePrincipalId: "sp-1",
      jobId: "scim.t.2",
      application: "Contoso Learning Hub",
      job: "job 2 of 2 · SCIM → customappsso · maps User",
    };
    expect(summary("run.completed", { ...job, outcome: "Success", errorCode: null })).toBe(
      "Outcome Success · Contoso Learning Hub · job 2 of 2 · SCIM → customappsso · maps User",
    );
    expect(summary("run.failed", { ...job, application: undefined, errorCode: "Timeout" })).toBe(
      "Error Timeout · job 2 of 2 · SCIM → customappsso · maps User",
    );
  });

  it("says whether a link is redacted and when it expires", () => {
    expect(
      summary("share.created", { shareId: "s1", redact: true, expiresAt: "2026-12-05T12:00:00.000Z" }),
    ).toBe("Redacted, expires 2026-12-05");
    expect(summary("share.created", { shareId: "s1", redact: false, expiresAt: null })).toBe(
      "Full values, never expires",
    );
    expect(summary("share.revoked", { shareId: "Zk3x" })).toBe("Link Zk3x");
  });

  it("lists the attributes a demo change touched", () => {
    expect(
      summary("demo.changed", { method: "PATCH", change: { department: "Marketing", jobTitle: "Lead" } }),
    ).toBe("PATCH: department, jobTitle");
    expect(summary("demo.changed", { method: "POST", change: null })).toBe("POST");
  });

  it("says how a job action ended, its scope and the job's status after, never a token", () => {
    expect(
      summary("job.restarted", {
        outcome: "succeeded",
        resetScope: "QuarantineState",
        statusAfter: "Active",
      }),
    ).toBe("Succeeded, scope QuarantineState, status after Active");
    expect(
      summary("job.secret-token-updated", {
        outcome: "failed",
        errorCode: "SystemForCrossDomainIdentityManagementCredentialValidationFailure",
        secretToken: "[redacted]",
        statusAfter: "Quarantine",
      }),
    ).toBe(
      "Failed (SystemForCrossDomainIdentityManagementCredentialValidationFailure), status after Quarantine",
    );
  });

  it("falls back to the plain fields when the detail is not shaped as expected", () => {
    expect(summary("run.completed", { state: "odd", count: 3, nested: { a: 1 }, none: null })).toBe(
      "state: odd, count: 3, nested",
    );
    expect(summary("future.action", { reason: "retention" })).toBe("reason: retention");
    expect(summary("run.requested", { subject: "not an object" })).toBe("subject: not an object");
  });

  it("is empty without a detail and never fails on odd input", () => {
    expect(summary("run.failed", null)).toBe("");
    expect(summary("run.failed", ["an", "array"])).toBe("");
    expect(summary("run.failed", "text")).toBe("");
  });

  it("shortens a long detail to one line", () => {
    const result = summary("demo.changed", {
      method: "PATCH",
      change: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`attribute${i}`, i])),
    });
    expect(result.length).toBeLessThanOrEqual(160);
    expect(result.endsWith("…")).toBe(true);
  });
});

describe("audit targets and actions", () => {
  it("links run and share entries to the run, and nothing else", () => {
    expect(auditTargetHref({ action: "run.completed", target: "run 1" })).toBe("/runs/run%201");
    expect(auditTargetHref({ action: "share.revoked", target: "r-2" })).toBe("/runs/r-2");
    expect(auditTargetHref({ action: "demo.changed", target: "users/69bd" })).toBeNull();
    expect(auditTargetHref({ action: "run.requested", target: null })).toBeNull();
    expect(
      auditTargetHref({
        action: "job.restarted",
        target: "scim.a.b",
        detail: { servicePrincipalId: "sp 1" },
      }),
    ).toBe("/apps/sp%201/jobs/scim.a.b/health");
    expect(auditTargetHref({ action: "job.paused", target: "scim.a.b", detail: null })).toBeNull();
  });

  it("names known actions in words and shows unknown ones as written", () => {
    expect(auditActionText("share.created")).toBe("Link created");
    expect(auditActionText("tenant.purged")).toBe("tenant.purged");
  });
});

import { describe, expect, it } from "vitest";
import { fixtureBody, type FixtureName } from "@/lib/testing/provisioning-fixtures";
import { parseProvisioningLogEntry } from "./log-entry";
import { subjectOfEvent } from "./log-subject";
import { provisioningResultSchema } from "./result-schema";

function onlyEvent(name: FixtureName) {
  const body = fixtureBody(name);
  const value = body.value as unknown[];
  expect(value).toHaveLength(1);
  return { entry: value[0], event: parseProvisioningLogEntry(value[0]) };
}

describe.each([
  ["v1.0", "log-v1-example-1-success"],
  ["beta", "log-beta-example-1-success"],
] as const)("the %s reference page's successful event", (_version, fixture) => {
  const { entry, event } = onlyEvent(fixture);
  const report = event.result.reports[0]!;

  it("reads the event's identity, job, cycle and change", () => {
    expect(event).toMatchObject({
      id: "75b5b0ae-9fc5-8d0e-e0a9-7y6a4728de56",
      activityDateTime: "2019-05-04T03:00:54Z",
      jobId: "aws.74beb1753b704b63b8d56f0b76082b16.10a7a801-7101-4c69-ae00-ce9f75f8460a",
      cycleId: "b6502552-018d-79bd-8869-j47194dc65c1",
      changeId: "b6502552-018d-89bd-9969-b49194dc65c1",
      servicePrincipal: { id: "6cc35b93-185a-4485-a519-50c09549g3ad", displayName: "Contoso" },
      durationMs: 3236,
      action: "Create",
      outcome: "Success",
      errorCode: null,
    });
  });

  it("says a scheduled cycle did it, although the example spells the initiator's type initiatingType", () => {
    expect(event.initiatedBy).toEqual({
      type: "system",
      id: null,
      displayName: "Azure AD Provisioning Service",
    });
    expect(event.origin).toBe("cycle");
  });

  it("gives the run's report shape: steps by type, systems by name, times from the activity and its duration", () => {
    expect(report.steps.map((step) => [step.kind, step.name, step.outcome])).toEqual([
      ["Import", "EntryImport", "Success"],
      ["Export", "EntryExportUpdate", "Success"],
    ]);
    expect(report.source).toEqual({
      system: "Contoso",
      id: "60a7a801-7101-4c69-ae00-ce9f75f8460a",
      type: "RolesCompound",
      displayName: "",
    });
    expect(report.target.system).toBe("Azure Active Directory");
    expect(report.startTime).toBe("2019-05-04T03:00:54Z");
    expect(report.endTime).toBe("2019-05-04T03:00:57.236Z");
    // No reportableIdentifier in a log entry: the Export step's details name the object.
    expect(report.reportableIdentifier).toBe("60a7a801-7101-4c69-ae00-ce9f75f8460a");
  });

  it("lists the modified properties as added, with their old values reported as null", () => {
    expect(report.modifiedProperties.map((p) => [p.name, p.change])).toEqual([
      ["appId", "added"],
      ["Roles", "added"],
      ["objectId", "added"],
      ["displayName", "added"],
      ["homepage", "added"],
    ]);
  });

  it("is a valid result with no warnings, keeping the entry as it came", () => {
    expect(event.result.warnings).toEqual([]);
    expect(event.result.wireShape).toBe("provisioning-log");
    expect(event.result.raw.value).toBe(entry);
    expect(provisioningResultSchema.safeParse(event.result).success).toBe(true);
  });
});

describe.each([
  ["v1.0", "log-v1-example-2-failure"],
  ["beta", "log-beta-example-2-failure"],
] as const)("the %s reference page's failed event", (_version, fixture) => {
  const { event } = onlyEvent(fixture);
  const report = event.result.reports[0]!;

  it("reads the failure's code, reason and category from errorInformation", () => {
    expect(event.outcome).toBe("Failure");
    expect(event.action).toBe("Create");
    expect(event.errorCode).toBe("ContosoEntryConflict");
    expect(event.errorMessage).toMatch(
      /^Message: Contoso returned an error response with the HTTP status code 409/,
    );
    expect(report.statusInfo.errorCategory).toBe("nonServiceFailure");
    expect(report.statusInfo.recommendedAction).toBeNull();
  });

  it("keeps lower-case step types and statuses readable", () => {
    expect(report.steps.map((step) => [step.kind, step.outcome])).toEqual([
      ["Import", "Success"],
      ["Matching", "Success"],
      ["Export", "Failure"],
    ]);
    expect(report.reportableIdentifier).toBe("Self-service Pilot");
  });

  it("names the group, and does not offer it for a retry without its members", () => {
    expect(report.source).toMatchObject({ type: "Group", displayName: "Self-service Pilot" });
    const subject = subjectOfEvent(event);
    expect(subject).toMatchObject({ ok: false, label: "Self-service Pilot" });
  });
});

describe("an entry that is not what the documentation describes", () => {
  it("shows something that is not an object raw, with a warning", () => {
    const event = parseProvisioningLogEntry("Service unavailable");
    expect(event.outcome).toBe("Unknown");
    expect(event.result.reports).toEqual([]);
    expect(event.result.warnings).toEqual([
      'The log entry is the text "Service unavailable", not a provisioning event.',
    ]);
    expect(event.result.raw.value).toBe("Service unavailable");
    expect(provisioningResultSchema.safeParse(event.result).success).toBe(true);
  });

  it("warns about each field it cannot read and keeps what it can", () => {
    const entry = {
      activityDateTime: "yesterday",
      durationInMilliseconds: "fast",
      provisioningAction: "rename",
      provisioningSteps: { name: "EntryImport" },
      modifiedProperties: [{ displayName: "title", oldValue: "A", newValue: "B" }],
      sourceIdentity: { id: "u1", identityType: "User", displayName: "Megan Bowen" },
    };
    const event = parseProvisioningLogEntry(entry);
    expect(event.result.warnings).toEqual([
      "The event has no id.",
      'The event\'s activityDateTime "yesterday" is not a date and time.',
      'The event\'s durationInMilliseconds is the text "fast", not a number of milliseconds.',
      "The event has no provisioningStatusInfo, so its outcome is taken from its steps.",
      "event.provisioningSteps is not a list; it was left out.",
    ]);
    expect(event.action).toBe("rename");
    expect(event.outcome).toBe("Unknown");
    expect(event.result.reports[0]?.modifiedProperties[0]).toMatchObject({
      name: "title",
      change: "changed",
    });
    expect(event.result.reports[0]?.reportableIdentifier).toBe("Megan Bowen");
    expect(event.result.raw.value).toBe(entry);
  });

  it("warns about a status that is not a known outcome", () => {
    const event = parseProvisioningLogEntry({
      id: "e1",
      activityDateTime: "2026-11-30T10:00:00Z",
      provisioningStatusInfo: { status: "pending" },
    });
    expect(event.outcome).toBe("Unknown");
    expect(event.result.warnings).toEqual(['event: status "pending" is not a known outcome.']);
  });
});

describe("the object an event is about, for a retry", () => {
  const base = {
    id: "e1",
    activityDateTime: "2026-11-30T10:00:00Z",
    provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: "EntryConflict" } },
  };

  it("an Entra user by object id", () => {
    const event = parseProvisioningLogEntry({
      ...base,
      sourceSystem: { displayName: "Azure Active Directory" },
      sourceIdentity: { id: "5930e14b", identityType: "User", displayName: "Megan Bowen" },
    });
    expect(subjectOfEvent(event)).toEqual({
      ok: true,
      subject: { kind: "user", objectId: "5930e14b" },
      label: "Megan Bowen",
    });
  });

  it("an Active Directory user by the distinguished name its Import step names", () => {
    const event = parseProvisioningLogEntry({
      ...base,
      sourceSystem: { displayName: "Active Directory" },
      sourceIdentity: { id: "38a2171b", identityType: "user", displayName: "Adele Vance" },
      provisioningSteps: [
        {
          name: "EntryImport",
          provisioningStepType: "import",
          status: "success",
          details: { distinguishedName: "CN=Adele Vance,OU=Users,DC=corp,DC=contoso,DC=com" },
        },
      ],
    });
    expect(subjectOfEvent(event)).toEqual({
      ok: true,
      subject: {
        kind: "onPremisesUser",
        distinguishedName: "CN=Adele Vance,OU=Users,DC=corp,DC=contoso,DC=com",
      },
      label: "Adele Vance",
    });
  });

  it("not an Active Directory user whose distinguished name the event does not give", () => {
    const event = parseProvisioningLogEntry({
      ...base,
      sourceSystem: { displayName: "Active Directory" },
      sourceIdentity: { id: "38a2171b", identityType: "user", displayName: "Adele Vance" },
    });
    expect(subjectOfEvent(event)).toMatchObject({ ok: false, label: "Adele Vance" });
  });
});

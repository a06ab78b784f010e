import { isRecord } from "./field-text";

// The provisionOnDemand body for a subject already checked (by the schema in build-request.ts, on
// the server); zod-free, so the browser can write a run's request as a script without the schema library.

/** A subject of a run, as build-request.ts's schema gives it. */
export type SubjectShape =
  | { kind: "user"; objectId: string }
  | { kind: "onPremisesUser"; distinguishedName: string }
  | { kind: "group"; objectId: string; memberIds: string[] };

export interface SynchronizationJobSubject {
  objectId: string;
  objectTypeName: string;
  links?: { members: SynchronizationJobSubject[] };
}

export interface ProvisionOnDemandRequestBody {
  parameters: [{ ruleId: string; subjects: SynchronizationJobSubject[] }];
}

export interface RequestProblem {
  /** Dotted path of the input field, e.g. "subject.memberIds"; "input" for the input as a whole. */
  field: string;
  message: string;
}

export class ProvisionRequestError extends Error {
  override readonly name = "ProvisionRequestError";
  readonly field: string;
  /** Every problem found; `field` and `message` repeat the first. */
  readonly problems: readonly RequestProblem[];

  constructor(problems: readonly [RequestProblem, ...RequestProblem[]]) {
    super(problems[0].message);
    this.field = problems[0].field;
    this.problems = problems;
  }
}

/** The Graph body for provisionOnDemand; a group without members (no valid stored request has one) throws. */
export function requestBodyOf(ruleId: string, subject: SubjectShape): ProvisionOnDemandRequestBody {
  if (!isRecord(subject) || (subject.kind === "group" && (subject.memberIds ?? []).length === 0))
    throw new ProvisionRequestError([
      { field: "subject.memberIds", message: "Pick at least one member of the group." },
    ]);
  return { parameters: [{ ruleId, subjects: [subjectFor(subject)] }] };
}

function subjectFor(subject: SubjectShape): SynchronizationJobSubject {
  switch (subject.kind) {
    case "user":
      return { objectId: subject.objectId, objectTypeName: "User" };
    case "onPremisesUser":
      // Cloud Sync (AD → Entra ID) expects the lower-case type name and the DN as the object id.
      return { objectId: subject.distinguishedName, objectTypeName: "user" };
    case "group":
      return {
        objectId: subject.objectId,
        objectTypeName: "Group",
        links: { members: subject.memberIds.map((objectId) => ({ objectId, objectTypeName: "User" })) },
      };
  }
}

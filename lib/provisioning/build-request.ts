import { z } from "zod";
import { distinguishedNameProblem } from "./distinguished-name";
import { isRecord } from "./field-text";
import { MAX_GROUP_MEMBERS } from "./limits";
import { ProvisionRequestError, requestBodyOf, type ProvisionOnDemandRequestBody } from "./request-body";

export { MAX_GROUP_MEMBERS } from "./limits";
export {
  ProvisionRequestError,
  requestBodyOf,
  type ProvisionOnDemandRequestBody,
  type RequestProblem,
  type SynchronizationJobSubject,
} from "./request-body";

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Ids are opaque to the console: job and rule ids are not GUIDs and rule ids may end in `#V2`. */
function opaqueId(label: string, maxLength = 1024) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`),
    })
    .trim()
    .min(1, { error: `${label} must not be empty.` })
    .max(maxLength, { error: `${label} is longer than ${maxLength} characters.` })
    .refine((id) => !hasControlCharacter(id), { error: `${label} contains a control character.` });
}

const distinguishedName = opaqueId("The distinguished name", 2048).superRefine((dn, ctx) => {
  const problem = distinguishedNameProblem(dn);
  if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
});

const memberIds = z
  .array(opaqueId("A member id"), { error: "Member ids must be a list of object ids." })
  .min(1, { error: "Pick at least one member of the group." })
  .max(MAX_GROUP_MEMBERS, {
    error: `At most ${MAX_GROUP_MEMBERS} members can be provisioned with a group at once.`,
  })
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    for (const id of ids) {
      const normalised = id.toLowerCase();
      if (seen.has(normalised))
        ctx.addIssue({ code: "custom", message: `Member id ${id} is listed more than once.` });
      seen.add(normalised);
    }
  });

export const provisionSubjectSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("user"), objectId: opaqueId("The user's object id") }),
    z.strictObject({ kind: z.literal("onPremisesUser"), distinguishedName }),
    z
      .strictObject({ kind: z.literal("group"), objectId: opaqueId("The group's object id"), memberIds })
      .superRefine((group, ctx) => {
        if (group.memberIds.some((id) => id.toLowerCase() === group.objectId.toLowerCase())) {
          ctx.addIssue({
            code: "custom",
            path: ["memberIds"],
            message: "A group cannot be provisioned as its own member.",
          });
        }
      }),
  ],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? 'The subject kind must be "user", "onPremisesUser" or "group".'
        : "A subject is required: a user, an on-premises user or a group.",
  },
);

export const provisionRequestInputSchema = z.strictObject(
  { ruleId: opaqueId("The rule id"), subject: provisionSubjectSchema },
  {
    error: (issue) =>
      issue.code === "invalid_type" ? "The request must be an object with ruleId and subject." : undefined,
  },
);

export type ProvisionSubject = z.infer<typeof provisionSubjectSchema>;

/** What names the subject in lists and searches: its object id, or the distinguished name on premises. */
export function subjectObjectKey(subject: ProvisionSubject): string {
  return subject.kind === "onPremisesUser" ? subject.distinguishedName : subject.objectId;
}
export type ProvisionRequestInput = z.input<typeof provisionRequestInputSchema>;
/** The same input with the subject's fields beside ruleId, e.g. `{ kind: "user", ruleId, objectId }`. */
export type FlatProvisionRequestInput = { ruleId: string } & z.input<typeof provisionSubjectSchema>;

/** The flat form is accepted too; it is moved into `subject` so errors name the same fields. */
function nestSubject(input: unknown): unknown {
  if (!isRecord(input) || input.subject !== undefined || input.kind === undefined) return input;
  const { ruleId, ...subject } = input;
  return { ruleId, subject };
}

/** The Graph body for provisionOnDemand; throws ProvisionRequestError naming the field when input is invalid. */
export function buildProvisionOnDemandRequest(
  input: ProvisionRequestInput | FlatProvisionRequestInput,
): ProvisionOnDemandRequestBody {
  const parsed = provisionRequestInputSchema.safeParse(nestSubject(input));
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues.map((issue) => ({
      field: issue.path.length === 0 ? "input" : issue.path.map(String).join("."),
      message: issue.message,
    }));
    throw new ProvisionRequestError(
      first ? [first, ...rest] : [{ field: "", message: "The request is invalid." }],
    );
  }
  const { ruleId, subject } = parsed.data;
  return requestBodyOf(ruleId, subject);
}

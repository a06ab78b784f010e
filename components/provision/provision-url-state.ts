import { MAX_GROUP_MEMBERS } from "@/lib/provisioning/limits";

export const SUBJECT_KINDS = ["user", "group", "onPremisesUser"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** What the provision form holds; the page keeps it in the URL so a link prefills the form. */
export interface ProvisionFormState {
  ruleId: string | null;
  kind: SubjectKind;
  userId: string | null;
  groupId: string | null;
  memberIds: string[];
  distinguishedName: string;
}

export const EMPTY_PROVISION_FORM: ProvisionFormState = {
  ruleId: null,
  kind: "user",
  userId: null,
  groupId: null,
  memberIds: [],
  distinguishedName: "",
};

export interface ParsedProvisionLink {
  state: ProvisionFormState;
  /** What the link asked for that the form could not take, in words for the user. */
  notices: string[];
}

const MAX_ID_LENGTH = 1024;
const MAX_DN_LENGTH = 2048;

function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Ids are opaque (job and rule ids are not GUIDs), so only emptiness, length and control characters are refused. */
function usableId(value: string | null): string | null {
  const id = value?.trim() ?? "";
  if (id === "" || id.length > MAX_ID_LENGTH || hasControlCharacter(id)) return null;
  return id;
}

function kindFrom(value: string | null): SubjectKind | null {
  const wanted = value?.trim().toLowerCase();
  return SUBJECT_KINDS.find((kind) => kind.toLowerCase() === wanted) ?? null;
}

interface SearchParamsLike {
  get(name: string): string | null;
}

/** The form state a link asks for; anything unusable is left out and named in `notices`. */
export function parseProvisionLink(params: SearchParamsLike): ParsedProvisionLink {
  const notices: string[] = [];
  const has = (name: string) => (params.get(name) ?? "").trim() !== "";

  const ruleId = usableId(params.get("rule"));
  if (ruleId === null && has("rule")) notices.push("The rule id in the link is not usable and was ignored.");

  const givenKind = params.get("kind");
  let kind = kindFrom(givenKind);
  if (kind === null) {
    if (has("kind"))
      notices.push(`The link asks for an unknown kind of subject ("${givenKind}"); pick one below.`);
    // A link without a usable kind still says what it means by the fields it carries.
    kind = has("group") || has("members") ? "group" : has("dn") ? "onPremisesUser" : "user";
  }

  const state: ProvisionFormState = { ...EMPTY_PROVISION_FORM, ruleId, kind };
  if (kind === "user") {
    state.userId = usableId(params.get("user"));
    if (state.userId === null && has("user"))
      notices.push("The user id in the link is not usable and was ignored.");
  } else if (kind === "group") {
    state.groupId = usableId(params.get("group"));
    if (state.groupId === null && has("group"))
      notices.push("The group id in the link is not usable and was ignored.");
    const members = memberIdsFrom(params.get("members") ?? "", state.groupId);
    state.memberIds = members.ids;
    if (members.unusable > 0)
      notices.push(`${members.unusable} member id(s) in the link were not usable and were ignored.`);
    if (members.overflow > 0) {
      notices.push(
        `The link lists ${members.ids.length + members.overflow} members; a group can be provisioned with at most ${MAX_GROUP_MEMBERS} at once, so only the first ${MAX_GROUP_MEMBERS} were kept.`,
      );
    }
  } else {
    const dn = params.get("dn") ?? "";
    if (dn.length > MAX_DN_LENGTH || hasControlCharacter(dn)) {
      notices.push(
        "The distinguished name in the link is too long or contains control characters and was ignored.",
      );
    } else {
      state.distinguishedName = dn.trim();
    }
  }
  return { state, notices };
}

function memberIdsFrom(text: string, groupId: string | null) {
  const ids: string[] = [];
  const seen = new Set<string>(groupId === null ? [] : [groupId.toLowerCase()]);
  let unusable = 0;
  let overflow = 0;
  for (const part of text.split(",")) {
    if (part.trim() === "") continue;
    const id = usableId(part);
    if (id === null) {
      unusable += 1;
    } else if (!seen.has(id.toLowerCase())) {
      seen.add(id.toLowerCase());
      if (ids.length < MAX_GROUP_MEMBERS) ids.push(id);
      else overflow += 1;
    }
  }
  return { ids, unusable, overflow };
}

/**
 * The query string (without "?") for a form state: the rule, the kind and only that kind's fields,
 * so the link says exactly what would be provisioned. Commas between member ids stay readable.
 */
export function provisionLinkQuery(state: ProvisionFormState): string {
  const pairs: [string, string][] = [];
  if (state.ruleId) pairs.push(["rule", state.ruleId]);
  pairs.push(["kind", state.kind]);
  if (state.kind === "user" && state.userId) pairs.push(["user", state.userId]);
  if (state.kind === "group") {
    if (state.groupId) pairs.push(["group", state.groupId]);
    if (state.memberIds.length > 0) {
      pairs.push(["members", state.memberIds.slice(0, MAX_GROUP_MEMBERS).map(encodeURIComponent).join(",")]);
    }
  }
  if (state.kind === "onPremisesUser" && state.distinguishedName) pairs.push(["dn", state.distinguishedName]);
  return pairs
    .map(([name, value]) => `${name}=${name === "members" ? value : encodeURIComponent(value)}`)
    .join("&");
}

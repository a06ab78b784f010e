import "server-only";
import type { BulkPreview, BulkSource, BulkSubject } from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import { GROUP_MEMBERS_PER_CALL, MAX_BULK_OBJECTS } from "./limits";
import { readCsv, readLines, type SourceEntry } from "./source-lines";

export interface DirectoryObject {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

/** The directory reads resolution needs (lib/graph's client, as the caller may use it). */
export interface BulkDirectory {
  /** The user with this object id or userPrincipalName, or null. */
  findUser(idOrUpn: string): Promise<DirectoryObject | null>;
  findGroup(id: string): Promise<DirectoryObject | null>;
  /** The group's user members (whose name or UPN contains `filter`, when given), at most `max`. */
  groupMembers(groupId: string, filter: string | undefined, max: number): Promise<DirectoryObject[]>;
  /**
   * The on-premises user with this distinguished name (null: none), where a directory of them can
   * be read; absent when none can (a DN is then sent unchecked, and the preview says so).
   */
  findOnPremisesUser?(distinguishedName: string): Promise<{ displayName: string } | null>;
  /** Whether the group is assigned to the job's application (null: cannot tell, or everyone is in scope). */
  groupAssigned?(groupId: string): Promise<boolean | null>;
}

type Resolution = Pick<BulkPreview, "subjects" | "unresolved" | "duplicates" | "warnings">;

const UNCHECKED_DN =
  "Not checked: the console cannot read Active Directory, so the run will tell whether this DN exists.";

/** Lookups in flight at once: fast enough for thousands of lines, gentle on Graph's read limits. */
const LOOKUPS_AT_ONCE = 8;

/** Turns what the operator gave into the subjects of one call each; nothing is sent. */
export async function resolveBulkSource(source: BulkSource, directory: BulkDirectory): Promise<Resolution> {
  if (source.kind === "group") return resolveGroup(source.groupId, source.filter, directory);
  const entries = source.kind === "csv" ? readCsv(source.text) : readLines(source.text);
  if (entries.length === 0)
    throw new ApiError(
      "bad_request",
      source.kind === "csv"
        ? "The CSV file has no ids in it."
        : "Give at least one id, UPN or DN, one a line.",
    );
  if (entries.length > MAX_BULK_OBJECTS)
    throw new ApiError(
      "bad_request",
      `The list has ${entries.length.toLocaleString("en-US")} entries; a bulk run takes at most ${MAX_BULK_OBJECTS.toLocaleString("en-US")}.`,
    );
  const results = await inBatches(entries, LOOKUPS_AT_ONCE, (entry) => resolveEntry(entry, directory));
  const resolution: Resolution = { subjects: [], unresolved: [], duplicates: 0, warnings: [] };
  const seen = new Set<string>();
  results.forEach((result, index) => {
    const entry = entries[index]!;
    if ("reason" in result) {
      resolution.unresolved.push({ input: entry.value, line: entry.line, reason: result.reason });
      return;
    }
    for (const subject of result.subjects) {
      const key = subjectKey(subject.subject);
      if (seen.has(key)) resolution.duplicates++;
      else {
        seen.add(key);
        resolution.subjects.push(subject);
      }
    }
  });
  const groups = new Map<string, string>();
  for (const { subject, label } of resolution.subjects)
    if (subject.kind === "group" && !groups.has(subject.objectId))
      groups.set(subject.objectId, label.replace(/ \(members? [^)]*\)$/, ""));
  for (const [groupId, name] of groups) {
    const warning = await unassignedWarning(groupId, name, directory);
    if (warning) resolution.warnings.push(warning);
  }
  if (unchecked(resolution.subjects) > 0 && !directory.findOnPremisesUser)
    resolution.warnings.push(
      `${unchecked(resolution.subjects).toLocaleString("en-US")} distinguished name${unchecked(resolution.subjects) === 1 ? " was" : "s were"} not checked: the console cannot read Active Directory, so each run will tell whether its DN exists.`,
    );
  if (resolution.subjects.length > MAX_BULK_OBJECTS)
    throw new ApiError(
      "bad_request",
      `The list resolves to ${resolution.subjects.length.toLocaleString("en-US")} calls; a bulk run takes at most ${MAX_BULK_OBJECTS.toLocaleString("en-US")}.`,
    );
  return resolution;
}

async function resolveEntry(
  entry: SourceEntry,
  directory: BulkDirectory,
): Promise<{ subjects: BulkSubject[] } | { reason: string }> {
  try {
    switch (entry.kind) {
      case "unreadable":
        return { reason: entry.reason };
      case "distinguishedName": {
        const subject = { kind: "onPremisesUser" as const, distinguishedName: entry.value };
        // On-premises users live in Active Directory: looked up where a directory of them can be read.
        if (!directory.findOnPremisesUser)
          return { subjects: [{ subject, label: entry.value, unchecked: UNCHECKED_DN }] };
        const user = await directory.findOnPremisesUser(entry.value);
        return user
          ? { subjects: [{ subject, label: `${user.displayName} (${entry.value})` }] }
          : { reason: "No user in Active Directory has this distinguished name." };
      }
      case "userPrincipalName": {
        const user = await directory.findUser(entry.value);
        return user ? { subjects: [userSubject(user)] } : { reason: "No user has this userPrincipalName." };
      }
      case "objectId": {
        const user = await directory.findUser(entry.value);
        if (user) return { subjects: [userSubject(user)] };
        const group = await directory.findGroup(entry.value);
        if (!group) return { reason: "No user or group has this object id." };
        const members = await directory.groupMembers(
          group.id,
          undefined,
          MAX_BULK_OBJECTS * GROUP_MEMBERS_PER_CALL,
        );
        if (members.length === 0)
          return { reason: `The group ${group.displayName ?? group.id} has no user members.` };
        return { subjects: groupCalls(group, members) };
      }
    }
  } catch (error) {
    return { reason: `The lookup failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function resolveGroup(
  groupId: string,
  filter: string | undefined,
  directory: BulkDirectory,
): Promise<Resolution> {
  const group = await directory.findGroup(groupId);
  if (!group) throw new ApiError("not_found", `No group has the object id ${groupId}.`);
  const members = await directory.groupMembers(
    group.id,
    filter?.trim() || undefined,
    MAX_BULK_OBJECTS * GROUP_MEMBERS_PER_CALL,
  );
  const name = group.displayName ?? group.id;
  if (members.length === 0) {
    return {
      subjects: [],
      warnings: [],
      unresolved: [
        {
          input: filter?.trim() ? `${name}, members matching "${filter.trim()}"` : name,
          line: null,
          reason: filter?.trim()
            ? "No user member of the group matches the filter."
            : "The group has no user members.",
        },
      ],
      duplicates: 0,
    };
  }
  const unique = [...new Map(members.map((member) => [member.id.toLowerCase(), member])).values()];
  const warning = await unassignedWarning(group.id, name, directory);
  return {
    subjects: groupCalls(group, unique),
    unresolved: [],
    duplicates: members.length - unique.length,
    warnings: warning ? [warning] : [],
  };
}

function unchecked(subjects: readonly BulkSubject[]): number {
  return subjects.filter((subject) => subject.unchecked).length;
}

/** A group not assigned to the application: its members are skipped unless assigned another way. */
async function unassignedWarning(
  groupId: string,
  name: string,
  directory: BulkDirectory,
): Promise<string | null> {
  const assigned = await directory.groupAssigned?.(groupId).catch(() => null);
  return assigned === false
    ? `${name} is not assigned to this application: its members will be skipped as not assigned (NotEffectivelyEntitled), except those assigned directly or through another group. Assign the group in the application's Users and groups first.`
    : null;
}

function userSubject(user: DirectoryObject): BulkSubject {
  return {
    subject: { kind: "user", objectId: user.id },
    label: user.userPrincipalName ?? user.displayName ?? user.id,
  };
}

/** The group with its members, five to a call, labelled so the operator sees which five. */
export function groupCalls(group: DirectoryObject, members: DirectoryObject[]): BulkSubject[] {
  const name = group.displayName ?? group.id;
  const calls: BulkSubject[] = [];
  for (let start = 0; start < members.length; start += GROUP_MEMBERS_PER_CALL) {
    const chunk = members.slice(start, start + GROUP_MEMBERS_PER_CALL);
    const range = chunk.length === 1 ? `member ${start + 1}` : `members ${start + 1}–${start + chunk.length}`;
    calls.push({
      subject: { kind: "group", objectId: group.id, memberIds: chunk.map((member) => member.id) },
      label: `${name} (${range} of ${members.length})`,
      memberNames: chunk.map((member) => member.displayName ?? member.userPrincipalName ?? member.id),
    });
  }
  return calls;
}

/** One key per distinct call: the same user twice, or the same group with the same members, is one call. */
export function subjectKey(subject: BulkSubject["subject"]): string {
  switch (subject.kind) {
    case "user":
      return `user:${subject.objectId.toLowerCase()}`;
    case "onPremisesUser":
      return `dn:${subject.distinguishedName.toLowerCase()}`;
    case "group":
      return `group:${subject.objectId.toLowerCase()}:${subject.memberIds.map((id) => id.toLowerCase()).join(",")}`;
  }
}

async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

import "server-only";
import type { DirectoryGroupSummary, DirectoryUserSummary, GroupMemberSummary } from "@/lib/api/contracts";
import type { Caller } from "@/lib/auth";
import { presentGroup, presentMember, presentUser } from "@/lib/graph/presenters";
import type { ConsoleServices } from "./services";

// Users, groups and members for the pickers.

type Services = Pick<ConsoleServices, "graphFor">;

/** Most suggestions a picker shows. */
const SUGGESTIONS = 20;

export async function searchUsers(
  services: Services,
  caller: Caller,
  search: string,
): Promise<{ items: DirectoryUserSummary[] }> {
  const found = await services.graphFor(caller).searchUsers(search, { top: SUGGESTIONS });
  return { items: found.items.map(presentUser) };
}

export async function searchGroups(
  services: Services,
  caller: Caller,
  search: string,
): Promise<{ items: DirectoryGroupSummary[] }> {
  const found = await services.graphFor(caller).searchGroups(search, { top: SUGGESTIONS });
  return { items: found.items.map(presentGroup) };
}

export async function listMembers(
  services: Services,
  caller: Caller,
  groupId: string,
  search: string,
): Promise<{ items: GroupMemberSummary[] }> {
  const found = await services
    .graphFor(caller)
    .listGroupMembers(groupId, { search: search || undefined, top: 50 });
  return { items: found.items.map(presentMember) };
}

import "server-only";
import type { DirectoryGroupSummary, DirectoryUserSummary, GroupMemberSummary } from "@/lib/api/contracts";
import { ApiError } from "@/lib/api/errors";
import type { Caller } from "@/lib/auth";
import { isGraphError } from "@/lib/graph";
import { presentGroup, presentMember, presentUser } from "@/lib/graph/presenters";
import type { ConsoleServices } from "./services";

// Users, groups and members for the pickers, and the one a link names.

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

/** Graph's answer for an id it does not hold: 404, or 400 for text that cannot be an object id. */
const notFound = (error: unknown) => isGraphError(error) && (error.status === 404 || error.status === 400);

/**
 * The user a link names, by object id (or UPN). A soft-deleted user is read from the recycle bin,
 * since provisioning still acts on it (it is disabled in the app); neither is 404 naming the id.
 */
export async function getUser(services: Services, caller: Caller, id: string): Promise<DirectoryUserSummary> {
  const graph = services.graphFor(caller);
  try {
    return presentUser(await graph.getUser(id));
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  let binUnreadable = "";
  try {
    return presentUser(await graph.getDeletedUser(id));
  } catch (error) {
    if (isGraphError(error) && error.status === 403)
      binUnreadable =
        " (the recycle bin could not be read with this sign-in, so a deleted user would not be found)";
    else if (!notFound(error)) throw error;
  }
  throw new ApiError("not_found", `No user has the id ${id}${binUnreadable}.`);
}

export async function getGroup(
  services: Services,
  caller: Caller,
  id: string,
): Promise<DirectoryGroupSummary> {
  try {
    return presentGroup(await services.graphFor(caller).getGroup(id));
  } catch (error) {
    if (notFound(error)) throw new ApiError("not_found", `No group has the id ${id}.`);
    throw error;
  }
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

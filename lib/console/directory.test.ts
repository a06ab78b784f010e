import { describe, expect, it } from "vitest";
import { directoryGroupDetail, directoryUserDetail } from "@/lib/api/contracts";
import { GraphError, type GraphClient } from "@/lib/graph";
import { getGroup, getUser } from "./directory";

const caller = { id: "alice", displayName: "Alice", roles: [] };
const servicesWith = (graph: Partial<GraphClient>) => ({ graphFor: () => graph as GraphClient });
const graphError = (status: number, code = "Request_ResourceNotFound") =>
  new GraphError({ status, code, message: `Graph answered ${status}` });
const fail = (status: number) => async () => {
  throw graphError(status);
};

const adele = { id: "u-1", displayName: "Adele Vance", userPrincipalName: "AdeleV@contoso.com", mail: null };

describe("directory facade: the object a link names", () => {
  it("answers a user Graph has, not deleted", async () => {
    const found = await getUser(servicesWith({ getUser: async () => adele }), caller, "u-1");
    expect(directoryUserDetail.parse(found)).toEqual({ ...adele, deletedDateTime: null });
  });

  it("finds a soft-deleted user in the recycle bin, with when it was deleted", async () => {
    const services = servicesWith({
      getUser: fail(404),
      getDeletedUser: async () => ({ ...adele, deletedDateTime: "2026-11-20T10:00:00Z" }),
    });
    expect(await getUser(services, caller, "u-1")).toMatchObject({
      displayName: "Adele Vance",
      deletedDateTime: "2026-11-20T10:00:00Z",
    });
  });

  it("says no user has the id when neither the directory nor the recycle bin has it", async () => {
    const services = servicesWith({ getUser: fail(404), getDeletedUser: fail(404) });
    const error = await getUser(services, caller, "0000-gone").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, message: "No user has the id 0000-gone." });
  });

  it("counts text that cannot be an object id (Graph's 400) as not found", async () => {
    const services = servicesWith({ getUser: fail(404), getDeletedUser: fail(400) });
    await expect(getUser(services, caller, "not an id")).rejects.toMatchObject({ status: 404 });
  });

  it("says when the recycle bin could not be read, so a deleted user may hide there", async () => {
    const services = servicesWith({ getUser: fail(404), getDeletedUser: fail(403) });
    const error = await getUser(services, caller, "u-9").catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 404,
      message: expect.stringMatching(/recycle bin could not be read/),
    });
  });

  it("keeps any other Graph failure for the route to map", async () => {
    const refused = graphError(403, "Authorization_RequestDenied");
    const services = servicesWith({
      getUser: async () => {
        throw refused;
      },
    });
    await expect(getUser(services, caller, "u-1")).rejects.toBe(refused);
  });

  it("answers a group, or 404 naming the id", async () => {
    const found = await getGroup(
      servicesWith({ getGroup: async () => ({ id: "g-1", displayName: "Sales Team EMEA" }) }),
      caller,
      "g-1",
    );
    expect(directoryGroupDetail.parse(found)).toEqual({ id: "g-1", displayName: "Sales Team EMEA" });
    const missing = await getGroup(servicesWith({ getGroup: fail(404) }), caller, "g-0").catch(
      (e: unknown) => e,
    );
    expect(missing).toMatchObject({ status: 404, message: "No group has the id g-0." });
  });
});

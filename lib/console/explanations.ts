import "server-only";
import type { RunMember, RunMembers } from "@/lib/api/contracts";
import type { Caller } from "@/lib/auth";
import { isGraphError } from "@/lib/graph";
import { listRuns } from "@/lib/runs";
import { getRun } from "./runs";
import type { ConsoleServices } from "./services";

// Why a run came out as it did: what the answer alone cannot say, read from Graph and the history.

type Services = Pick<ConsoleServices, "graphFor" | "runs" | "db">;

/** The members sent with a group run: who they are now, and their own newest run on the job. */
export async function membersOfRun(services: Services, caller: Caller, runId: string): Promise<RunMembers> {
  const run = await getRun(services, runId);
  const { subject } = run.request;
  if (subject.kind !== "group") return { items: [] };
  const graph = services.graphFor(caller);
  const items = await Promise.all(
    subject.memberIds.map(async (id): Promise<RunMember> => {
      const [user, latestRun] = await Promise.all([
        graph.getUser(id).catch((error: unknown) => {
          if (isGraphError(error) && error.status === 404) return null;
          throw error;
        }),
        latestRunOf(services, run.request.servicePrincipalId, run.request.jobId, id),
      ]);
      return {
        id,
        displayName: user?.displayName ?? null,
        userPrincipalName: user?.userPrincipalName ?? null,
        found: user !== null,
        latestRun,
      };
    }),
  );
  return { items };
}

async function latestRunOf(
  services: Pick<Services, "db">,
  servicePrincipalId: string,
  jobId: string,
  userId: string,
): Promise<RunMember["latestRun"]> {
  const page = await listRuns(services.db, { servicePrincipalId, jobId, subject: userId }, { limit: 10 });
  const own = page.items.find(
    (item) => item.subjectKind === "user" && item.subjectKey.toLowerCase() === userId.toLowerCase(),
  );
  return own ? { id: own.id, createdAt: own.createdAt, outcome: own.outcome, action: own.action } : null;
}

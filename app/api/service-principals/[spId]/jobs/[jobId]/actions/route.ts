import { readQuery } from "@/lib/api";
import { jobTimelineQuery } from "@/lib/api/contracts";
import { consoleRoute, jobActions, otherMethods } from "@/lib/console";

// GET /api/service-principals/{spId}/jobs/{jobId}/actions?cursor=&limit= – the job's timeline, newest first.
export const GET = consoleRoute<{ spId: string; jobId: string }>(
  { role: "Console.Reader" },
  async ({ request, params, services }) =>
    Response.json(
      await jobActions.jobTimeline(services, params.spId, params.jobId, readQuery(request, jobTimelineQuery)),
    ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

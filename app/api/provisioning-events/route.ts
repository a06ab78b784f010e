import { readQuery } from "@/lib/api";
import { provisioningEventsQuery } from "@/lib/api/contracts";
import { consoleRoute, otherMethods, provisioningLogs } from "@/lib/console";

// GET /api/provisioning-events?userId=&servicePrincipalId=&jobId=&changeId=&cycleId=&status= – the provisioning logs, newest first.
export const GET = consoleRoute({ role: "Console.Reader" }, async ({ request, caller, services }) =>
  Response.json(
    await provisioningLogs.listEvents(services, caller, readQuery(request, provisioningEventsQuery)),
  ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

import "server-only";
import { createDemoTenant, DEMO_FIXTURES } from "@/lib/demo-tenant";
import { FIXTURE_PEOPLE } from "@/lib/demo-tenant/seed/fixtures";
import { parseProvisionOnDemandResponse, type ProvisioningResult } from "@/lib/provisioning";
import { graphTestClient, provisionPath, userSubjectBody } from "./demo-graph-client";

// The demo's five-minute story against the real engine and SCIM targets: provision a person, change
// them through the demo controls, provision again, and read the answer as the console parses it.

export type StoryApp = "hrPortal" | "northwind";

const APP_FIXTURE = { hrPortal: DEMO_FIXTURES.scimApp, northwind: DEMO_FIXTURES.rejectingApp } as const;

export const STORY_PEOPLE = FIXTURE_PEOPLE;

export function demoStory() {
  const tenant = createDemoTenant({ throttle: false });
  const graph = graphTestClient(tenant.handle);
  const jobOf = (app: StoryApp) => {
    const fixture = APP_FIXTURE[app];
    const job = tenant.state().servicePrincipals.get(fixture.spId)!.jobs[0]!;
    return { spId: fixture.spId, jobId: job.job.id, ruleId: job.schema.synchronizationRules[0]!.id };
  };
  return {
    tenant,
    graph,
    jobOf,
    async provision(userId: string, app: StoryApp = "hrPortal"): Promise<ProvisioningResult> {
      const { spId, jobId, ruleId } = jobOf(app);
      const answer = await graph.post(provisionPath(spId, jobId), userSubjectBody(ruleId, userId));
      if (answer.status !== 200)
        throw new Error(`provisionOnDemand answered ${answer.status}: ${answer.text}`);
      return parseProvisionOnDemandResponse(answer.json);
    },
    async unassign(userId: string, app: StoryApp = "hrPortal") {
      const answer = await graph.delete(`/demo/service-principals/${jobOf(app).spId}/assignments/${userId}`);
      if (answer.status !== 204) throw new Error(`unassign answered ${answer.status}: ${answer.text}`);
    },
    async changeUser(userId: string, fields: Record<string, unknown>) {
      const answer = await graph.patch(`/demo/users/${userId}`, fields);
      if (answer.status !== 200) throw new Error(`the change answered ${answer.status}: ${answer.text}`);
    },
  };
}

import { describe, expect, it } from "vitest";
import { demoStory, STORY_PEOPLE as people } from "@/lib/testing/demo-story";
import { graphTestClient, provisionPath } from "@/lib/testing/demo-graph-client";
import { DEMO_FIXTURES } from "@/lib/demo-tenant";
import { reportedMembersOf } from "./group-members";
import { parseProvisionOnDemandResponse } from "./parse-result";

describe("reportedMembersOf", () => {
  it("reads each member's outcome, action and membership from a group's answer", async () => {
    const story = demoStory();
    const graph = graphTestClient(story.tenant.handle);
    const { spId, jobId, ruleId } = story.jobOf("hrPortal");
    const group = DEMO_FIXTURES.groupWithMembers;
    const answer = await graph.post(provisionPath(spId, jobId), {
      parameters: [
        {
          ruleId,
          subjects: [
            {
              objectId: group.id,
              objectTypeName: "Group",
              links: {
                members: [people.lynne.id, people.alex.id].map((objectId) => ({
                  objectId,
                  objectTypeName: "User",
                })),
              },
            },
          ],
        },
      ],
    });
    const [report] = parseProvisionOnDemandResponse(answer.json).reports;
    const members = reportedMembersOf(report!);
    expect(members).toHaveLength(2);
    const lynne = members.find((m) => m.label === "LynneR@contoso.com");
    expect(lynne).toMatchObject({ outcome: "Success", action: "Create", membership: "added to the group" });
    const alex = members.find((m) => m.label === "AlexW@contoso.com");
    expect(alex).toMatchObject({ outcome: "Skipped", errorCode: "NotEffectivelyEntitled" });
  });
});

"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { jobHealthHref } from "@/components/apps/app-links";
import { LinkButton } from "@/components/LinkButton";
import { PRESENTER_ENLARGE_CLASS } from "@/components/presenter/presenter-attribute";
import { useActiveScenario } from "./active-scenario";
import { DEMO_SCENARIOS_HREF } from "./links";
import { scenarioHref, scenarioIsFor } from "./scenario-link";

/** On the job a demo story was set up for: the story and what the audience will see. */
export function ScenarioBanner({
  spId,
  jobId,
  place,
}: {
  spId: string;
  jobId: string;
  /** Where it shows: each page links to the other one of the story. */
  place: "provision" | "health";
}) {
  const [scenario, dismiss] = useActiveScenario();
  if (!scenario || !scenarioIsFor(scenario, spId, jobId)) return null;
  return (
    <Alert
      severity="info"
      onClose={dismiss}
      slotProps={{ closeButton: { title: "Close the scenario" } }}
      className={PRESENTER_ENLARGE_CLASS}
      aria-label={`Demo scenario: ${scenario.title}`}
      role="region"
    >
      <AlertTitle component="h2">Demo scenario: {scenario.title}</AlertTitle>
      <Stack spacing={1}>
        <Typography>{scenario.story}</Typography>
        <Typography>
          <strong>What the audience will see:</strong> {scenario.promise}
        </Typography>
        {scenario.nextSteps.length > 0 && (
          <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
            {scenario.nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </Box>
        )}
        <Stack direction="row" sx={{ gap: 1, flexWrap: "wrap" }}>
          {place === "provision" && scenario.nextSteps.length > 0 && (
            <LinkButton size="small" variant="outlined" color="inherit" href={jobHealthHref(spId, jobId)}>
              Job health
            </LinkButton>
          )}
          {place === "health" && (
            <LinkButton size="small" variant="outlined" color="inherit" href={scenarioHref(scenario)}>
              Back to Provision on demand
            </LinkButton>
          )}
          <LinkButton size="small" color="inherit" href={DEMO_SCENARIOS_HREF}>
            All demo scenarios
          </LinkButton>
        </Stack>
      </Stack>
    </Alert>
  );
}

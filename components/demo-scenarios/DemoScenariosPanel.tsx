"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import FormControlLabel from "@mui/material/FormControlLabel";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Switch from "@mui/material/Switch";
import Typography from "@mui/material/Typography";
import PlayArrow from "@mui/icons-material/PlayArrow";
import { usePresenterMode } from "@/components/presenter/presenter-mode";
import { useDemoMode } from "@/components/public-settings";
import type { DemoScenario } from "@/lib/api/contracts";
import { rememberScenario } from "./active-scenario";
import { scenarioQueries, setUpScenario } from "./queries";
import { scenarioHref } from "./scenario-link";

/**
 * The guided demo: every story the demo tenant can tell, its cast by name, and one button that sets
 * the tenant up for it and opens the provision page with the object chosen.
 */
export function DemoScenariosPanel() {
  const demoMode = useDemoMode();
  const scenarios = useQuery({ ...scenarioQueries.list(), enabled: demoMode });
  const [presenter, setPresenter] = usePresenterMode();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null);
  const setUp = useMutation({
    mutationFn: (id: string) => setUpScenario(id),
    onMutate: () => setFailed(null),
    onSuccess: async (scenario) => {
      rememberScenario(scenario);
      // The tenant changed under every cached answer: users, assignments, jobs.
      await queryClient.invalidateQueries();
      router.push(scenarioHref(scenario));
    },
    onError: (error, id) => setFailed({ id, message: error.message }),
  });

  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h4" component="h1" gutterBottom>
          Demo scenarios
        </Typography>
        <Typography sx={{ color: "text.secondary" }}>
          Each story sets the demo tenant up as it needs — assignments, attributes, what the app already holds
          — then opens the provision page with the object chosen. Press Provision there and the result is the
          one promised here. A story can be set up again at any time, in any order.
        </Typography>
      </div>
      {demoMode && (
        <FormControlLabel
          control={<Switch checked={presenter} onChange={(event) => setPresenter(event.target.checked)} />}
          label="Presenter mode: hide ids and enlarge the result for a projector"
        />
      )}
      {!demoMode && (
        <Alert severity="info">
          The guided demo runs on the embedded demo tenant only; this console is connected to Microsoft Entra.
        </Alert>
      )}
      {scenarios.error && (
        <Alert severity="error">The demo scenarios could not be loaded: {scenarios.error.message}</Alert>
      )}
      {demoMode && scenarios.isPending && <Skeleton variant="rounded" height={320} />}
      {scenarios.data && (
        <Box
          component="ol"
          aria-label="Demo scenarios"
          sx={{
            listStyle: "none",
            m: 0,
            p: 0,
            display: "grid",
            gap: 2,
            // minmax(0, …): a long DN in a card wraps inside it instead of widening the column.
            gridTemplateColumns: { xs: "minmax(0, 1fr)", md: "repeat(2, minmax(0, 1fr))" },
          }}
        >
          {scenarios.data.map((scenario, index) => (
            <li key={scenario.id}>
              <ScenarioCard
                scenario={scenario}
                number={index + 1}
                busy={setUp.isPending && setUp.variables === scenario.id}
                disabled={setUp.isPending}
                problem={failed?.id === scenario.id ? failed.message : null}
                onSetUp={() => setUp.mutate(scenario.id)}
              />
            </li>
          ))}
        </Box>
      )}
    </Stack>
  );
}

function ScenarioCard({
  scenario,
  number,
  busy,
  disabled,
  problem,
  onSetUp,
}: {
  scenario: DemoScenario;
  number: number;
  busy: boolean;
  disabled: boolean;
  problem: string | null;
  onSetUp: () => void;
}) {
  const titleId = `scenario-${scenario.id}-title`;
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={titleId}
      sx={{
        p: { xs: 2, sm: 2.5 },
        height: "100%",
        display: "flex",
        flexDirection: "column",
        gap: 1.5,
        overflowWrap: "break-word",
      }}
    >
      <div>
        <Typography variant="h6" component="h2" id={titleId}>
          {number}. {scenario.title}
        </Typography>
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          {scenario.applicationName} · {scenario.cast.join(", ")}
        </Typography>
      </div>
      <Typography>{scenario.story}</Typography>
      <Box>
        <Typography variant="subtitle2" component="h3">
          What the audience will see
        </Typography>
        <Typography>{scenario.promise}</Typography>
        {scenario.nextSteps.length > 0 && (
          <>
            <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
              Then
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
              {scenario.nextSteps.map((step) => (
                <li key={step}>
                  <Typography>{step}</Typography>
                </li>
              ))}
            </Box>
          </>
        )}
      </Box>
      {problem && <Alert severity="error">The tenant could not be set up: {problem}</Alert>}
      <Box sx={{ mt: "auto" }}>
        <Button
          variant="contained"
          startIcon={<PlayArrow aria-hidden />}
          loading={busy}
          disabled={disabled && !busy}
          onClick={onSetUp}
        >
          Set up and open
        </Button>
      </Box>
    </Paper>
  );
}

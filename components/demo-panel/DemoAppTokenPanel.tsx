"use client";
import { useRef, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import Accordion from "@mui/material/Accordion";
import AccordionDetails from "@mui/material/AccordionDetails";
import AccordionSummary from "@mui/material/AccordionSummary";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import ExpandMore from "@mui/icons-material/ExpandMore";
import { demoControls } from "./queries";

/**
 * For demo mode: plays the app's side of a secret token. In a real tenant the app issues a new
 * token on its own admin page; here the presenter issues one (then saves it on the job with Update
 * the secret token), or lets the demo do both at once. The token is never shown or answered back.
 */
export function DemoAppTokenPanel({
  spId,
  jobId,
  appName,
}: {
  spId: string;
  jobId: string;
  appName: string;
}) {
  const tokenInput = useRef<HTMLInputElement>(null);
  const [hasToken, setHasToken] = useState(false);
  const control = useMutation({
    mutationFn: (action: { run: () => Promise<unknown>; done: string }) => action.run(),
  });

  const issue = (event: FormEvent) => {
    event.preventDefault();
    const token = tokenInput.current?.value ?? "";
    if (!token || control.isPending) return;
    if (tokenInput.current) tokenInput.current.value = "";
    setHasToken(false);
    control.mutate({
      run: () => demoControls.issueAppToken(spId, jobId, token),
      done: `${appName} now accepts only the token you typed; the job still holds the old one until you update its secret token.`,
    });
  };

  return (
    <Accordion variant="outlined" disableGutters slotProps={{ heading: { component: "h2" } }}>
      <AccordionSummary
        expandIcon={<ExpandMore />}
        aria-controls="demo-token-content"
        id="demo-token-summary"
      >
        <Box component="span" sx={{ display: "block" }}>
          <Typography component="span" variant="h6" sx={{ display: "block" }}>
            Demo tenant: the app&apos;s side of the token
          </Typography>
          <Typography component="span" variant="body2" sx={{ display: "block", color: "text.secondary" }}>
            Issue a new token at {appName}, as its admin page would.
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Stack spacing={2}>
          <Box component="form" onSubmit={issue} noValidate>
            <Stack direction={{ xs: "column", sm: "row" }} sx={{ gap: 2, alignItems: { sm: "flex-start" } }}>
              <TextInput
                inputRef={tokenInput}
                type="password"
                label="New token at the app"
                autoComplete="new-password"
                onChange={(event) => setHasToken(event.target.value !== "")}
                helperText="The app accepts only this token from now on. Save the same one with Update the secret token."
                slotProps={{ htmlInput: { spellCheck: false } }}
                sx={{ flex: 1 }}
              />
              <Button type="submit" variant="outlined" disabled={!hasToken} sx={{ height: { sm: 56 } }}>
                Issue at the app
              </Button>
            </Stack>
          </Box>
          <Box>
            <Button
              variant="outlined"
              onClick={() =>
                control.mutate({
                  run: () => demoControls.replaceJobToken(spId, jobId),
                  done: `${appName} issued a new token and the job saved it: Test connection passes now.`,
                })
              }
            >
              Replace the job&apos;s token for me
            </Button>
          </Box>
          <Box role="status" aria-live="polite">
            {control.isSuccess && <Alert severity="success">{control.variables.done}</Alert>}
            {control.isError && (
              <Alert severity="error">The demo tenant refused: {control.error.message}</Alert>
            )}
          </Box>
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}

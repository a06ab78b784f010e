"use client";
import { useRef, useState, type FormEvent } from "react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import FormControl from "@mui/material/FormControl";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormLabel from "@mui/material/FormLabel";
import Radio from "@mui/material/Radio";
import RadioGroup from "@mui/material/RadioGroup";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import { newIdempotencyKey } from "@/components/api/idempotency-key";
import type { JobActionKind, ResetScope } from "@/lib/api/contracts";
import { ACTION_COPY, confirmationMatches, needsTypedConfirmation, RESET_SCOPES } from "./job-actions";
import type { JobActionBody } from "./queries";

/** The confirmation of one job action: what it does, and for some what to send, before anything is sent. */
export function JobActionDialog({
  action,
  appName,
  onClose,
  onConfirm,
}: {
  /** The action to confirm; null when no dialog is open. */
  action: JobActionKind | null;
  appName: string;
  onClose: () => void;
  /** Called once per confirmation, with the body and the key this dialog drew when it opened. */
  onConfirm: (body: JobActionBody, idempotencyKey: string) => void;
}) {
  return (
    <Dialog
      open={action !== null}
      onClose={onClose}
      aria-labelledby="job-action-title"
      aria-describedby="job-action-what"
      fullWidth
      maxWidth="sm"
    >
      {/* Mounted per opening: the key, the typed confirmation and the token field start afresh each time. */}
      {action && <DialogBody action={action} appName={appName} onClose={onClose} onConfirm={onConfirm} />}
    </Dialog>
  );
}

function DialogBody({
  action,
  appName,
  onClose,
  onConfirm,
}: {
  action: JobActionKind;
  appName: string;
  onClose: () => void;
  onConfirm: (body: JobActionBody, idempotencyKey: string) => void;
}) {
  const [key] = useState(newIdempotencyKey);
  const [scope, setScope] = useState<ResetScope>("QuarantineState");
  const [typed, setTyped] = useState("");
  // The token field is uncontrolled: its value lives in the input alone, never in React state or an attribute.
  const tokenInput = useRef<HTMLInputElement>(null);
  const [hasToken, setHasToken] = useState(false);
  const copy = ACTION_COPY[action];
  const typedNeeded = action === "restart" && needsTypedConfirmation(scope);
  const ready =
    action === "secret-token" ? hasToken : typedNeeded ? confirmationMatches(typed, appName) : true;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    if (action === "secret-token") {
      const secretToken = tokenInput.current?.value ?? "";
      if (tokenInput.current) tokenInput.current.value = "";
      onConfirm({ action, secretToken }, key);
    } else if (action === "restart") {
      onConfirm({ action, resetScope: scope, ...(typedNeeded ? { confirmation: typed.trim() } : {}) }, key);
    } else {
      onConfirm({ action }, key);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle id="job-action-title">{copy.question}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText id="job-action-what">
            {copy.what} Application: <strong>{appName}</strong>.
          </DialogContentText>
          {action === "secret-token" && (
            <TextInput
              inputRef={tokenInput}
              type="password"
              label="New secret token"
              autoFocus
              fullWidth
              autoComplete="new-password"
              onChange={(event) => setHasToken(event.target.value !== "")}
              helperText="Paste the token the app gave you. It is not shown again, here or anywhere in the console."
              slotProps={{ htmlInput: { spellCheck: false, "data-lpignore": "true" } }}
            />
          )}
          {action === "restart" && (
            <RestartChoice
              scope={scope}
              onScope={(next) => {
                setScope(next);
                setTyped("");
              }}
              typedNeeded={typedNeeded}
              typed={typed}
              onTyped={setTyped}
              appName={appName}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          type="submit"
          variant="contained"
          color={typedNeeded ? "error" : "primary"}
          disabled={!ready}
          autoFocus={action !== "secret-token" && action !== "restart"}
        >
          {action === "secret-token" ? "Save and test" : copy.label}
        </Button>
      </DialogActions>
    </form>
  );
}

function RestartChoice({
  scope,
  onScope,
  typedNeeded,
  typed,
  onTyped,
  appName,
}: {
  scope: ResetScope;
  onScope: (scope: ResetScope) => void;
  typedNeeded: boolean;
  typed: string;
  onTyped: (text: string) => void;
  appName: string;
}) {
  return (
    <>
      <FormControl>
        <FormLabel id="reset-scope-label">What to reset</FormLabel>
        <RadioGroup
          aria-labelledby="reset-scope-label"
          value={scope}
          onChange={(event) => onScope(event.target.value as ResetScope)}
        >
          {RESET_SCOPES.map((entry) => (
            <FormControlLabel
              key={entry.scope}
              value={entry.scope}
              control={<Radio slotProps={{ input: { "aria-describedby": `reset-${entry.scope}-what` } }} />}
              sx={{ alignItems: "flex-start", mt: 1 }}
              label={
                <span>
                  <Typography component="span" sx={{ display: "block", fontWeight: 500 }}>
                    {entry.label} <code>{entry.scope}</code>
                  </Typography>
                  <Typography
                    id={`reset-${entry.scope}-what`}
                    component="span"
                    variant="body2"
                    sx={{ display: "block", color: "text.secondary" }}
                  >
                    {entry.what}
                  </Typography>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </FormControl>
      {typedNeeded && (
        <>
          <Alert severity="warning">
            This can change or delete many accounts in {appName}. Type the application&apos;s name to confirm.
          </Alert>
          <TextInput
            label={`Type ${appName} to confirm`}
            value={typed}
            onChange={(event) => onTyped(event.target.value)}
            fullWidth
            autoComplete="off"
            slotProps={{ htmlInput: { spellCheck: false } }}
            error={typed !== "" && !confirmationMatches(typed, appName)}
            helperText={
              typed !== "" && !confirmationMatches(typed, appName)
                ? "Not the application's name yet (capitals count)."
                : " "
            }
          />
        </>
      )}
    </>
  );
}

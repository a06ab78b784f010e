"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Accordion from "@mui/material/Accordion";
import AccordionDetails from "@mui/material/AccordionDetails";
import AccordionSummary from "@mui/material/AccordionSummary";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import ExpandMore from "@mui/icons-material/ExpandMore";
import Link from "next/link";
import MuiLink from "@mui/material/Link";
import { DEMO_SCENARIOS_HREF } from "@/components/demo-scenarios/links";
import { directoryKeys, directoryQueries } from "@/components/directory/queries";
import { UserPicker } from "@/components/directory/UserPicker";
import { ATTRIBUTE_LABELS, attributeChange, attributeChangedText } from "./attribute-change";
import { OnPremisesDemoChanges } from "./OnPremisesDemoChanges";
import { DEMO_USER_ATTRIBUTES, demoControls, type DemoUserAttribute } from "./queries";

type Notice = { severity: "success" | "error"; text: string };

/**
 * For demo mode (see useDemoMode): change the tenant under a running demo (an attribute, the account, the
 * assignment, or everything back to the seed) to show update, disable, skip and failure. On a Cloud
 * Sync job (`fromActiveDirectory`) the changes are made in the demo forest's Active Directory instead.
 */
export function DemoPanel({
  spId,
  selectedUserId,
  fromActiveDirectory = false,
  selectedDn = "",
}: {
  spId: string;
  selectedUserId: string | null;
  fromActiveDirectory?: boolean;
  selectedDn?: string;
}) {
  const queryClient = useQueryClient();
  const [pickedUserId, setPickedUserId] = useState<string | null>(null);
  const userId = pickedUserId ?? selectedUserId;
  const user = useQuery({ ...directoryQueries.user(userId ?? ""), enabled: userId !== null });
  const userName = user.data?.displayName ?? userId ?? "";
  const [attribute, setAttribute] = useState<DemoUserAttribute>("department");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);

  const tell = (next: Notice) => {
    setNotice(next);
    setNoticeOpen(true);
  };
  const control = useMutation({
    mutationFn: (action: { run: () => Promise<unknown>; done: string }) => action.run(),
    onSuccess: (_answer, action) => tell({ severity: "success", text: action.done }),
    onError: (error) => tell({ severity: "error", text: `The demo tenant refused: ${error.message}` }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
  const act = (run: () => Promise<unknown>, done: string) => control.mutate({ run, done });
  const actOnUser = (run: (id: string) => Promise<unknown>, done: string) => {
    if (userId) act(() => run(userId), done);
  };

  const changeAttribute = () => {
    const change = attributeChange(attribute, value);
    setProblem(change.problem);
    if (change.changes) {
      const changes = change.changes;
      actOnUser(
        (id) => demoControls.changeUser(id, changes),
        attributeChangedText(userName, attribute, changes[attribute] ?? null),
      );
    }
  };
  const busy = control.isPending;
  const noUser = userId === null;

  return (
    <Accordion variant="outlined" disableGutters slotProps={{ heading: { component: "h2" } }}>
      <AccordionSummary
        expandIcon={<ExpandMore />}
        aria-controls="demo-panel-content"
        id="demo-panel-summary"
      >
        <Box component="span" sx={{ display: "block" }}>
          <Typography component="span" variant="h6" sx={{ display: "block" }}>
            Demo tenant
          </Typography>
          <Typography component="span" variant="body2" sx={{ display: "block", color: "text.secondary" }}>
            {fromActiveDirectory
              ? "Change a user in the demo forest's Active Directory: the next provision by distinguished name carries it to Entra ID."
              : "Change the embedded tenant to show an update, a disable, a skip or a failure on the next run."}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Stack spacing={3}>
          <Typography variant="body2">
            Each story of the guided demo, set up in one click:{" "}
            <MuiLink component={Link} href={DEMO_SCENARIOS_HREF}>
              Demo scenarios
            </MuiLink>
            .
          </Typography>
          {fromActiveDirectory ? (
            <OnPremisesDemoChanges selectedDn={selectedDn} busy={busy} act={act} />
          ) : (
            <>
              <UserPicker
                label="User to change"
                selectedId={userId}
                onChange={(picked) => setPickedUserId(picked?.id ?? null)}
                helperText={
                  pickedUserId === null && selectedUserId ? "The user picked in the form above." : undefined
                }
              />

              <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
                  Change an attribute
                </Typography>
                <Stack
                  direction={{ xs: "column", sm: "row" }}
                  sx={{ gap: 2, alignItems: { sm: "flex-start" } }}
                >
                  <TextInput
                    select
                    label="Attribute"
                    value={attribute}
                    onChange={(event) => setAttribute(event.target.value as DemoUserAttribute)}
                    sx={{ minWidth: 180 }}
                  >
                    {DEMO_USER_ATTRIBUTES.map((name) => (
                      <option key={name} value={name}>
                        {ATTRIBUTE_LABELS[name]}
                      </option>
                    ))}
                  </TextInput>
                  <TextInput
                    label="New value"
                    value={value}
                    onChange={(event) => setValue(event.target.value)}
                    onKeyDown={(event) => {
                      if (event.key === "Enter" && !noUser && !busy) changeAttribute();
                    }}
                    error={problem !== null}
                    helperText={problem ?? "Empty clears the attribute."}
                    sx={{ flex: 1 }}
                  />
                  <Button
                    variant="outlined"
                    onClick={changeAttribute}
                    disabled={noUser || busy}
                    sx={{ height: { sm: 56 } }}
                  >
                    Change
                  </Button>
                </Stack>
              </Box>

              <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
                  Account and assignment
                </Typography>
                <Stack direction="row" sx={{ gap: 1.5, flexWrap: "wrap" }}>
                  {[
                    {
                      label: "Disable account",
                      run: (id: string) => demoControls.changeUser(id, { accountEnabled: false }),
                      done: `Disabled ${userName}'s account.`,
                    },
                    {
                      label: "Enable account",
                      run: (id: string) => demoControls.changeUser(id, { accountEnabled: true }),
                      done: `Enabled ${userName}'s account.`,
                    },
                    {
                      label: "Assign to this app",
                      run: (id: string) => demoControls.assign(spId, id),
                      done: `Assigned ${userName} to this application.`,
                    },
                    {
                      label: "Unassign from this app",
                      run: (id: string) => demoControls.unassign(spId, id),
                      done: `Removed ${userName}'s assignment to this application.`,
                    },
                  ].map((action) => (
                    <Button
                      key={action.label}
                      variant="outlined"
                      disabled={noUser || busy}
                      onClick={() => actOnUser(action.run, action.done)}
                    >
                      {action.label}
                    </Button>
                  ))}
                </Stack>
                {noUser && (
                  <Typography variant="body2" sx={{ color: "text.secondary", mt: 1 }}>
                    Pick a user above (or in the form) to change them.
                  </Typography>
                )}
              </Box>
            </>
          )}

          <Box>
            <Button color="error" variant="outlined" disabled={busy} onClick={() => setConfirmReset(true)}>
              Reset the demo tenant
            </Button>
          </Box>
        </Stack>
      </AccordionDetails>

      <Dialog
        open={confirmReset}
        onClose={() => setConfirmReset(false)}
        aria-labelledby="reset-title"
        aria-describedby="reset-text"
      >
        <DialogTitle id="reset-title">Reset the demo tenant?</DialogTitle>
        <DialogContent>
          <DialogContentText id="reset-text">
            Every user, group, assignment and target system goes back to how it was seeded. The console&apos;s
            run history stays.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmReset(false)} autoFocus>
            Cancel
          </Button>
          <Button
            color="error"
            onClick={() => {
              setConfirmReset(false);
              act(demoControls.reset, "The demo tenant is back to its seeded state.");
            }}
          >
            Reset
          </Button>
        </DialogActions>
      </Dialog>

      <Snackbar open={noticeOpen} autoHideDuration={6000} onClose={() => setNoticeOpen(false)}>
        <Alert
          severity={notice?.severity ?? "success"}
          variant="filled"
          onClose={() => setNoticeOpen(false)}
          sx={{ width: "100%" }}
        >
          {notice?.text}
        </Alert>
      </Snackbar>
    </Accordion>
  );
}

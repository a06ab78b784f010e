"use client";
import { useId, useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Divider from "@mui/material/Divider";
import Popover from "@mui/material/Popover";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import AccountCircle from "@mui/icons-material/AccountCircle";
import { useConsoleSession } from "./session-context";

/** Who is signed in (name, UPN, console roles) and Sign out; a Sign in button when nobody is. */
export function AccountMenu() {
  const session = useConsoleSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const panelId = useId();
  if (session.mode === "demo") return null;
  if (session.status === "signed-out") {
    return (
      <Button color="inherit" variant="outlined" onClick={session.signIn}>
        Sign in
      </Button>
    );
  }
  if (session.status !== "signed-in") return null;
  const { account } = session;
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircle aria-hidden />}
        aria-label={`Account: ${account.name}`}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? panelId : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ textTransform: "none", minWidth: 0, "& .MuiButton-startIcon": { mr: { xs: 0, sm: 1 } } }}
      >
        {/* On a phone the icon alone: the button's name still says whose account it is. */}
        <Box
          component="span"
          sx={{
            display: { xs: "none", sm: "inline" },
            maxWidth: 200,
            overflow: "hidden",
            textOverflow: "ellipsis",
            whiteSpace: "nowrap",
          }}
        >
          {account.name}
        </Box>
      </Button>
      <Popover
        id={panelId}
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "right" }}
        transformOrigin={{ vertical: "top", horizontal: "right" }}
        slotProps={{ paper: { role: "dialog", "aria-label": "Account" } }}
      >
        <Stack spacing={0.5} sx={{ px: 2, py: 1.5, maxWidth: 320 }}>
          <Typography sx={{ fontWeight: 600 }}>{account.name}</Typography>
          <Typography variant="body2" sx={{ color: "text.secondary", overflowWrap: "anywhere" }}>
            {account.username}
          </Typography>
          <Stack
            direction="row"
            spacing={0.5}
            sx={{ flexWrap: "wrap", pt: 0.5 }}
            role="list"
            aria-label="Console roles"
          >
            {account.roles.length > 0 ? (
              account.roles.map((role) => <Chip key={role} label={role} size="small" role="listitem" />)
            ) : (
              <Typography variant="body2" role="listitem">
                No console role
              </Typography>
            )}
          </Stack>
        </Stack>
        <Divider />
        <Stack sx={{ p: 1 }}>
          <Button
            onClick={() => {
              setAnchor(null);
              session.signOut();
            }}
          >
            Sign out
          </Button>
        </Stack>
      </Popover>
    </>
  );
}

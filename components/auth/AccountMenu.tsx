"use client";
import { useId, useState } from "react";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Divider from "@mui/material/Divider";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import AccountCircle from "@mui/icons-material/AccountCircle";
import { useConsoleSession } from "./session-context";

/** Who is signed in (name, UPN, console roles) and Sign out; a Sign in button when nobody is. */
export function AccountMenu() {
  const session = useConsoleSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
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
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? menuId : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ textTransform: "none" }}
      >
        {account.name}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <Stack spacing={0.5} sx={{ px: 2, py: 1, maxWidth: 320 }}>
          <Typography sx={{ fontWeight: 600 }}>{account.name}</Typography>
          <Typography variant="body2" sx={{ color: "text.secondary", overflowWrap: "anywhere" }}>
            {account.username}
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: "wrap", pt: 0.5 }} aria-label="Console roles">
            {account.roles.length > 0 ? (
              account.roles.map((role) => <Chip key={role} label={role} size="small" />)
            ) : (
              <Typography variant="body2">No console role</Typography>
            )}
          </Stack>
        </Stack>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            session.signOut();
          }}
        >
          Sign out
        </MenuItem>
      </Menu>
    </>
  );
}

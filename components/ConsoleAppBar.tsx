"use client";
import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Toolbar from "@mui/material/Toolbar";
import Typography from "@mui/material/Typography";
import Link from "next/link";
import { AccountMenu } from "./auth/AccountMenu";
import { useConsoleSession } from "./auth/session-context";
import { NavLinks } from "./NavLinks";
import { PresenterToggle } from "./presenter/PresenterToggle";
import { useDemoMode } from "./public-settings";
import { ThemeModeToggle } from "./ThemeModeToggle";
import { UserSearchBox } from "./users/UserSearchBox";

export function ConsoleAppBar() {
  const demoMode = useDemoMode();
  const session = useConsoleSession();
  const canSearch = session.mode === "demo" || session.status === "signed-in";
  return (
    <AppBar position="static" elevation={0} component="header">
      <Toolbar sx={{ gap: 2, flexWrap: "wrap", py: { xs: 1, md: 0 } }}>
        <Typography
          component={Link}
          href="/"
          variant="h6"
          sx={{ color: "inherit", textDecoration: "none", fontWeight: 600 }}
        >
          Provision on demand
        </Typography>
        {demoMode && (
          <Chip
            label="Demo tenant"
            size="small"
            sx={{ bgcolor: "#ffe08a", color: "#3d2a00", fontWeight: 600 }}
            title="No Entra settings are configured: the console runs against the embedded Contoso demo tenant."
          />
        )}
        <NavLinks />
        <Box sx={{ flexGrow: 1 }} />
        {canSearch && (
          <Box
            role="search"
            aria-label="People"
            sx={{ flex: { xs: "1 1 100%", sm: "0 1 auto" }, order: { xs: 10, sm: 0 } }}
          >
            <UserSearchBox />
          </Box>
        )}
        <PresenterToggle />
        <ThemeModeToggle />
        <AccountMenu />
      </Toolbar>
    </AppBar>
  );
}

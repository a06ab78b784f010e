"use client";
import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Toolbar from "@mui/material/Toolbar";
import Typography from "@mui/material/Typography";
import Link from "next/link";
import { AccountMenu } from "./auth/AccountMenu";
import { NavLinks } from "./NavLinks";
import { useDemoMode } from "./public-settings";
import { ThemeModeToggle } from "./ThemeModeToggle";

export function ConsoleAppBar() {
  const demoMode = useDemoMode();
  return (
    <AppBar position="static" elevation={0} component="header">
      <Toolbar sx={{ gap: 2 }}>
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
        <ThemeModeToggle />
        <AccountMenu />
      </Toolbar>
    </AppBar>
  );
}

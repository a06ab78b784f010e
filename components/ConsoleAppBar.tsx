"use client";
import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Divider from "@mui/material/Divider";
import Stack from "@mui/material/Stack";
import Toolbar from "@mui/material/Toolbar";
import Typography from "@mui/material/Typography";
import Link from "next/link";
import { AccountMenu } from "./auth/AccountMenu";
import { useConsoleSession } from "./auth/session-context";
import { NavLinks } from "./NavLinks";
import { NavMenu } from "./NavMenu";
import { PresenterToggle } from "./presenter/PresenterToggle";
import { useDemoMode } from "./public-settings";
import { ThemeModeToggle } from "./ThemeModeToggle";
import { UserSearchBox } from "./users/UserSearchBox";

// One row at every width. What does not fit moves into the menu: the sections below 1200 px (lg),
// the person search below 900 px (md), the presenter switch below 600 px (sm). Shown or hidden by
// CSS alone, so the server's page is already right and nothing moves when React starts.
const IN_BAR = {
  sections: { xs: "none", lg: "flex" },
  search: { xs: "none", md: "block" },
  presenter: { xs: "none", sm: "inline-flex" },
} as const;
const IN_MENU = {
  menu: { lg: "none" },
  search: { md: "none" },
  presenter: { sm: "none" },
} as const;

function PeopleSearch() {
  return (
    <Box role="search" aria-label="People">
      <UserSearchBox />
    </Box>
  );
}

export function ConsoleAppBar() {
  const demoMode = useDemoMode();
  const session = useConsoleSession();
  const canSearch = session.mode === "demo" || session.status === "signed-in";
  return (
    <AppBar position="static" elevation={0} component="header">
      <Toolbar sx={{ gap: { xs: 0.5, sm: 1 } }}>
        <Box sx={{ display: IN_MENU.menu }}>
          <NavMenu>
            <Divider sx={{ display: { md: "none" } }} />
            <Stack spacing={1.5} sx={{ display: { xs: "flex", md: "none" }, p: 2 }}>
              {canSearch && (
                <Box sx={{ display: IN_MENU.search }}>
                  <PeopleSearch />
                </Box>
              )}
              <Stack direction="row" spacing={1} sx={{ display: IN_MENU.presenter, alignItems: "center" }}>
                <PresenterToggle />
                <Typography aria-hidden>Presenter mode</Typography>
              </Stack>
            </Stack>
          </NavMenu>
        </Box>
        <Typography
          component={Link}
          href="/"
          variant="h6"
          noWrap
          sx={{
            display: "block",
            color: "inherit",
            textDecoration: "none",
            fontWeight: 600,
            fontSize: { xs: "0.9375rem", sm: "1.25rem" },
            minWidth: 0,
            flexShrink: 1,
          }}
        >
          Provision on demand
        </Typography>
        {demoMode && (
          <Chip
            label={
              <>
                Demo
                <Box component="span" sx={{ display: { xs: "none", sm: "inline" } }}>
                  {" tenant"}
                </Box>
              </>
            }
            size="small"
            sx={{ bgcolor: "#ffe08a", color: "#3d2a00", fontWeight: 600, flexShrink: 0 }}
            title="No Entra settings are configured: the console runs against the embedded Contoso demo tenant."
          />
        )}
        <Box sx={{ display: IN_BAR.sections, ml: 1 }}>
          <NavLinks />
        </Box>
        <Box sx={{ flexGrow: 1 }} />
        {canSearch && (
          // It gives way first when the row is short (flex-shrink 10), so the title keeps its words.
          <Box sx={{ display: IN_BAR.search, flex: "0 10 320px", minWidth: 150 }}>
            <PeopleSearch />
          </Box>
        )}
        <Box sx={{ display: IN_BAR.presenter }}>
          <PresenterToggle />
        </Box>
        <ThemeModeToggle />
        <AccountMenu />
      </Toolbar>
    </AppBar>
  );
}

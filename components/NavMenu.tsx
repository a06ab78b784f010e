"use client";
import { useId, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import IconButton from "@mui/material/IconButton";
import Popover from "@mui/material/Popover";
import Stack from "@mui/material/Stack";
import MenuIcon from "@mui/icons-material/Menu";
import { NavLinks } from "./NavLinks";

/**
 * The narrow screen's menu: one button in the app bar opens the sections, and under them whatever
 * else the bar has no room for (the children). Escape or a click outside closes it and gives the focus back to
 * the button; following a link closes it too.
 */
export function NavMenu({ children }: { children?: ReactNode }) {
  const pathname = usePathname();
  const [anchor, setAnchor] = useState<{ element: HTMLElement; pathname: string } | null>(null);
  // Open on the page it was opened on: going to another page (a link, a person found) closes it.
  const open = anchor !== null && anchor.pathname === pathname;
  const close = () => setAnchor(null);
  const panelId = useId();
  return (
    <>
      <IconButton
        color="inherit"
        edge="start"
        aria-label="Open navigation"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={(event) => setAnchor({ element: event.currentTarget, pathname })}
      >
        <MenuIcon />
      </IconButton>
      <Popover
        id={panelId}
        open={open}
        anchorEl={anchor?.element}
        onClose={close}
        anchorOrigin={{ vertical: "bottom", horizontal: "left" }}
        transformOrigin={{ vertical: "top", horizontal: "left" }}
        slotProps={{
          paper: { role: "dialog", "aria-label": "Menu", sx: { width: 360, maxWidth: "calc(100% - 32px)" } },
        }}
      >
        <Stack sx={{ py: 1 }}>
          <NavLinks orientation="column" onNavigate={close} />
        </Stack>
        {children}
      </Popover>
    </>
  );
}

"use client";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useDemoMode } from "./public-settings";

const LINKS = [
  { href: "/", label: "Applications", matches: (path: string) => path === "/" || path.startsWith("/apps") },
  { href: "/runs", label: "History", matches: (path: string) => path.startsWith("/runs") },
  { href: "/bulk", label: "Bulk runs", matches: (path: string) => path.startsWith("/bulk") },
  { href: "/audit", label: "Audit log", matches: (path: string) => path.startsWith("/audit") },
] as const;
/** Only in demo mode: the guided demo. */
const DEMO_LINK = { href: "/demo", label: "Demo scenarios", matches: (path: string) => path === "/demo" };

/**
 * The console's main sections: in a row in the app bar, or one under the other in the narrow
 * screen's menu. The current one is marked for screen readers and by an underline.
 */
export function NavLinks({
  orientation = "row",
  onNavigate,
}: {
  orientation?: "row" | "column";
  /** Called when a link is followed (the menu closes). */
  onNavigate?: () => void;
}) {
  const pathname = usePathname() ?? "/";
  const links = useDemoMode() ? [...LINKS, DEMO_LINK] : LINKS;
  const column = orientation === "column";
  return (
    <Box
      component="nav"
      aria-label="Main"
      sx={{ display: "flex", flexDirection: column ? "column" : "row", gap: 0.5, alignItems: "stretch" }}
    >
      {links.map((link) => {
        const current = link.matches(pathname);
        return (
          <Button
            key={link.href}
            component={Link}
            href={link.href}
            aria-current={current ? "page" : undefined}
            color="inherit"
            onClick={onNavigate}
            sx={{
              fontWeight: current ? 700 : 500,
              // In words as written: five sections fit one row with the search box from 1200 px.
              textTransform: "none",
              fontSize: "0.9375rem",
              whiteSpace: "nowrap",
              justifyContent: column ? "flex-start" : "center",
              px: column ? 2 : 1,
              borderRadius: 1,
              textDecoration: current ? "underline" : "none",
              textUnderlineOffset: 6,
              textDecorationThickness: 2,
              "&:focus-visible": { outline: "2px solid currentColor", outlineOffset: 2 },
            }}
          >
            {link.label}
          </Button>
        );
      })}
    </Box>
  );
}

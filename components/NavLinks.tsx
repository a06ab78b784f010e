"use client";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Applications", matches: (path: string) => path === "/" || path.startsWith("/apps") },
  { href: "/runs", label: "History", matches: (path: string) => path.startsWith("/runs") },
  { href: "/bulk", label: "Bulk runs", matches: (path: string) => path.startsWith("/bulk") },
  { href: "/audit", label: "Audit log", matches: (path: string) => path.startsWith("/audit") },
] as const;

/** The console's main sections for the app bar; the current one is marked for screen readers and by an underline. */
export function NavLinks() {
  const pathname = usePathname() ?? "/";
  return (
    <Box component="nav" aria-label="Main" sx={{ display: "flex", gap: 0.5, flexWrap: "wrap" }}>
      {LINKS.map((link) => {
        const current = link.matches(pathname);
        return (
          <Button
            key={link.href}
            component={Link}
            href={link.href}
            aria-current={current ? "page" : undefined}
            color="inherit"
            sx={{
              fontWeight: current ? 700 : 500,
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

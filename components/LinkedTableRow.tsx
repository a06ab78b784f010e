"use client";
import type { ReactNode } from "react";
import MuiLink from "@mui/material/Link";
import TableRow from "@mui/material/TableRow";
import NextLink from "next/link";

/** A table row that opens what its RowLink points to from a click anywhere on it. */
export function LinkedTableRow({ children }: { children: ReactNode }) {
  return (
    <TableRow
      hover
      // The row's link is stretched over the row, so the row shows the link's keyboard focus.
      sx={{
        position: "relative",
        "&:has(a:focus-visible)": { outline: "2px solid", outlineColor: "primary.main", outlineOffset: -2 },
      }}
    >
      {children}
    </TableRow>
  );
}

/** The one link of a LinkedTableRow, stretched over the whole row. */
export function RowLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <MuiLink
      component={NextLink}
      href={href}
      sx={{
        fontWeight: 600,
        overflowWrap: "break-word",
        "&::after": { content: '""', position: "absolute", inset: 0 },
        "&:focus-visible": { outline: "none" },
      }}
    >
      {children}
    </MuiLink>
  );
}

"use client";
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { TableScroller } from "./TableScroller";

export type ColumnHeader = string | { label: string; width: string };

/**
 * A compact table with its caption above it and column headers; the rows are the children. Text
 * wraps between words (an id in a cell is an IdText, cut short instead); a table still too wide
 * for the page scrolls sideways inside its container.
 */
export function CaptionedTable({
  caption,
  headers,
  children,
}: {
  caption: string;
  headers: readonly ColumnHeader[];
  children: ReactNode;
}) {
  return (
    <TableScroller label={caption}>
      <Table
        size="small"
        sx={{
          // Over the visible part of a table that scrolls sideways, and wrapped there.
          "& caption": { captionSide: "top", px: 0, pt: 0, position: "sticky", left: 0, maxWidth: "100cqi" },
          "& td, & th": { overflowWrap: "break-word" },
        }}
      >
        <Box component="caption" sx={{ color: "text.secondary", textAlign: "left" }}>
          {caption}
        </Box>
        <TableHead>
          <TableRow>
            {headers.map((header) => {
              const { label, width } =
                typeof header === "string" ? { label: header, width: undefined } : header;
              return (
                <TableCell key={label} scope="col" sx={width ? { width } : undefined}>
                  {label}
                </TableCell>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </TableScroller>
  );
}

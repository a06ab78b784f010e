"use client";
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";

export type ColumnHeader = string | { label: string; width: string };

/** A compact table with its caption above it and column headers; the rows are the children. */
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
    <TableContainer>
      <Table size="small" sx={{ "& caption": { captionSide: "top", px: 0, pt: 0 } }}>
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
    </TableContainer>
  );
}

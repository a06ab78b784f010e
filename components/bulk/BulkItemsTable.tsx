"use client";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { runHref } from "@/components/apps/app-links";
import { CaptionedTable } from "@/components/CaptionedTable";
import { MonoNote } from "@/components/history/MonoNote";
import { visuallyHidden } from "@/components/run-result/visually-hidden";
import type { BulkItemView } from "@/lib/api/contracts";
import { explainCode } from "@/lib/provisioning/explain-code";
import { BulkItemChip } from "./BulkChips";

function subjectKey(item: BulkItemView): string {
  return item.subject.kind === "onPremisesUser" ? item.subject.distinguishedName : item.subject.objectId;
}

function Dash() {
  return (
    <>
      <span aria-hidden>—</span>
      <Box component="span" sx={visuallyHidden}>
        none
      </Box>
    </>
  );
}

function ItemRow({ item }: { item: BulkItemView }) {
  const label = item.label?.trim() || subjectKey(item);
  return (
    <TableRow>
      <TableCell>{item.position.toLocaleString("en-US")}</TableCell>
      <TableCell sx={{ maxWidth: 360 }}>
        {label}
        {label !== subjectKey(item) && <MonoNote>{subjectKey(item)}</MonoNote>}
      </TableCell>
      <TableCell>
        <BulkItemChip item={item} />
      </TableCell>
      <TableCell>{item.action ?? <Dash />}</TableCell>
      <TableCell sx={{ minWidth: "10rem" }}>
        {item.errorCode ? (
          <>
            {explainCode(item.errorCode).title}
            <Typography
              variant="body2"
              sx={{
                color: "text.secondary",
                fontFamily: "monospace",
                fontSize: "0.75rem",
                overflowWrap: "anywhere",
              }}
            >
              {item.errorCode}
            </Typography>
          </>
        ) : (
          <Dash />
        )}
      </TableCell>
      <TableCell>{item.attempts}</TableCell>
      <TableCell sx={{ whiteSpace: "nowrap" }}>
        {item.runId ? (
          <MuiLink component={NextLink} href={runHref(item.runId)}>
            View run
            <Box component="span" sx={visuallyHidden}>
              {` of ${label}`}
            </Box>
          </MuiLink>
        ) : (
          <Dash />
        )}
      </TableCell>
    </TableRow>
  );
}

/** A bulk run's items by position, each linked to its run in history once it has one. */
export function BulkItemsTable({ items, caption }: { items: readonly BulkItemView[]; caption: string }) {
  return (
    <CaptionedTable
      caption={caption}
      headers={[{ label: "#", width: "4rem" }, "Object", "Status", "Action", "Reason", "Attempts", "Run"]}
    >
      {items.map((item) => (
        <ItemRow key={item.id} item={item} />
      ))}
    </CaptionedTable>
  );
}

"use client";
import { useId, useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import { foldDetails, scopeClausesOf } from "./step-details";
import { IdText } from "@/components/IdText";
import { looksLikeId } from "@/components/looks-like-id";
import { TableScroller } from "@/components/TableScroller";
import { visuallyHidden } from "./visually-hidden";

/** A detail's value; the scope evaluation's JSON is read out as clauses that held or did not. */
function DetailValue({ name, value }: { name: string; value: string }) {
  const clauses = scopeClausesOf(name, value);
  if (!clauses) return looksLikeId(value) ? <IdText>{value}</IdText> : <>{value}</>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5, fontFamily: "inherit" }}>
      {clauses.map((clause) => (
        <li key={clause.text}>
          {clause.text}: <strong>{clause.held ? "held" : "did not hold"}</strong>
        </li>
      ))}
    </Box>
  );
}

/** A step's details as a name/value table; empty values folded away, with a filter box. */
export function StepDetails({
  details,
  caption,
}: {
  details: Readonly<Record<string, string>>;
  caption: string;
}) {
  const [filter, setFilter] = useState("");
  const [showEmpty, setShowEmpty] = useState(false);
  const tableId = useId();
  const folded = foldDetails(details, filter);
  const rows = showEmpty ? [...folded.filled, ...folded.empty] : folded.filled;

  return (
    <Box sx={{ mt: 1.5 }}>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, alignItems: "center", mb: 1 }}>
        {folded.total > 5 && (
          <TextInput
            size="small"
            label="Filter details"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            slotProps={{ htmlInput: { "aria-controls": tableId } }}
          />
        )}
        {folded.empty.length > 0 && (
          <Button
            size="small"
            onClick={() => setShowEmpty((shown) => !shown)}
            aria-expanded={showEmpty}
            aria-controls={tableId}
          >
            {showEmpty
              ? "Hide empty values"
              : `Show ${folded.empty.length} empty value${folded.empty.length === 1 ? "" : "s"}`}
          </Button>
        )}
      </Box>
      {rows.length === 0 ? (
        <Typography variant="body2" sx={{ color: "text.secondary" }} id={tableId}>
          {folded.total === 0
            ? "This step reported no details."
            : filter.trim() !== "" && folded.empty.length === 0
              ? `No detail matches “${filter.trim()}”.`
              : "Every detail of this step is empty."}
        </Typography>
      ) : (
        <TableScroller label={caption}>
          <Table size="small" id={tableId}>
            <Box component="caption" sx={visuallyHidden}>
              {caption}
            </Box>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col" sx={{ width: "35%" }}>
                  Name
                </TableCell>
                <TableCell component="th" scope="col">
                  Value
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.name}>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 500, overflowWrap: "break-word" }}>
                    {row.name}
                  </TableCell>
                  <TableCell
                    sx={{ fontFamily: "monospace", overflowWrap: "break-word", whiteSpace: "pre-wrap" }}
                  >
                    {folded.empty.includes(row) ? (
                      <Box component="span" sx={{ color: "text.secondary", fontStyle: "italic" }}>
                        empty{row.value.trim() !== "" ? ` (${row.value.trim()})` : ""}
                      </Box>
                    ) : (
                      <DetailValue name={row.name} value={row.value} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroller>
      )}
    </Box>
  );
}

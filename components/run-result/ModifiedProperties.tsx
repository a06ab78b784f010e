"use client";
import { useId, useState } from "react";
import Box from "@mui/material/Box";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import type { ModifiedProperty, Outcome, PropertyChange } from "@/lib/provisioning";
import { StatusChip, type ChipTone } from "./OutcomeChip";
import { filterProperties } from "./property-filter";
import { visuallyHidden } from "./visually-hidden";

const CHANGE_TONE: Record<PropertyChange, ChipTone> = {
  added: "success",
  changed: "info",
  removed: "error",
  unchanged: "neutral",
  unknown: "neutral",
};

function Note({ children }: { children: string }) {
  return (
    <Box component="span" sx={{ color: "text.secondary", fontStyle: "italic" }}>
      {children}
    </Box>
  );
}

function Value({ value }: { value: string | null }) {
  if (value === null || value === "") return <Note>empty</Note>;
  return (
    <Box component="span" sx={{ fontFamily: "monospace" }}>
      {value}
    </Box>
  );
}

interface ModifiedPropertiesProps {
  properties: readonly ModifiedProperty[];
  /** How the object went: a skipped one had nothing written, a failed one maybe not everything. */
  outcome: Outcome;
  caption: string;
}

/** The attributes the service reported for the object: old → new with the kind of change, filterable. */
export function ModifiedProperties({ properties, outcome, caption }: ModifiedPropertiesProps) {
  const [filter, setFilter] = useState("");
  const tableId = useId();
  const shown = filterProperties(properties, filter);
  const skipped = outcome === "Skipped";
  // Cloud Sync reports only new values: a column of "unknown" would say nothing.
  const changesKnown = !skipped && properties.some((property) => property.change !== "unknown");

  return (
    <Box>
      {skipped && (
        <Typography sx={{ mb: 1.5 }}>
          Nothing was changed in the target: the service skipped this object
          {properties.length > 0
            ? ", so none of the values below was written. They are what the service read and compared."
            : "."}
        </Typography>
      )}
      {outcome === "Failure" && properties.length > 0 && (
        <Typography sx={{ mb: 1.5 }}>
          Provisioning failed for this object: these are the values the service meant to write, and the target
          may not have them.
        </Typography>
      )}
      {!skipped && !changesKnown && properties.length > 0 && (
        <Typography sx={{ mb: 1.5 }}>
          The service reported only the new values, so whether each one changed is not known.
        </Typography>
      )}
      {properties.length === 0 ? (
        <Typography sx={{ color: "text.secondary" }}>
          The answer lists no properties for this object.
        </Typography>
      ) : (
        <>
          <TextField
            size="small"
            label="Filter properties"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            slotProps={{ htmlInput: { "aria-controls": tableId } }}
            sx={{ mb: 1 }}
          />
          <Box sx={{ overflowX: "auto" }}>
            <Table size="small" id={tableId}>
              <Box component="caption" sx={visuallyHidden}>
                {caption}
              </Box>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Property
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {skipped ? "Previous value as reported" : "Previous value"}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {skipped ? "Value from the source" : "New value"}
                  </TableCell>
                  {changesKnown && (
                    <TableCell component="th" scope="col">
                      Change
                    </TableCell>
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((property, index) => (
                  <TableRow key={`${property.name}-${index}`}>
                    <TableCell component="th" scope="row" sx={{ fontWeight: 500, overflowWrap: "anywhere" }}>
                      {property.name}
                    </TableCell>
                    <TableCell sx={{ overflowWrap: "anywhere" }}>
                      {property.oldValueReported ? (
                        <Value value={property.oldValue} />
                      ) : (
                        <Note>previous value not reported</Note>
                      )}
                    </TableCell>
                    <TableCell sx={{ overflowWrap: "anywhere" }}>
                      <Box component="span" aria-hidden sx={{ color: "text.secondary", mr: 1 }}>
                        →
                      </Box>
                      <Value value={property.newValue} />
                    </TableCell>
                    {changesKnown && (
                      <TableCell>
                        <StatusChip tone={CHANGE_TONE[property.change]} label={property.change} />
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          {shown.length === 0 && (
            <Typography variant="body2" sx={{ color: "text.secondary", mt: 1 }}>
              No property matches “{filter.trim()}”.
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

"use client";
import { Fragment, useId, useState, type ReactNode } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import type { ModifiedProperty, PropertiesMeaning, PropertyChange } from "@/lib/provisioning";
import { StatusChip, type ChipTone } from "./OutcomeChip";
import { filterProperties } from "./property-filter";
import { IdText } from "@/components/IdText";
import { looksLikeId } from "@/components/looks-like-id";
import { TableScroller } from "@/components/TableScroller";
import { visuallyHidden } from "./visually-hidden";

const CHANGE_TONE: Record<PropertyChange, ChipTone> = {
  added: "success",
  changed: "info",
  removed: "error",
  unchanged: "neutral",
  unknown: "neutral",
};

const INTRO: Record<PropertiesMeaning, string | null> = {
  evaluated:
    "Nothing was changed in the target: the service skipped this object. These are the values it evaluated; none of them was written.",
  attempted:
    "Provisioning failed for this object: these are the values the service meant to write, and the target may not have them.",
  newValues: "The service reported only the new values, so whether each one changed is not known.",
  changes: null,
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
  if (looksLikeId(value)) return <IdText>{value}</IdText>;
  return (
    <Box component="span" sx={{ fontFamily: "monospace" }}>
      {value}
    </Box>
  );
}

interface ModifiedPropertiesProps {
  properties: readonly ModifiedProperty[];
  /** What the list is: changes written, values attempted, or values only evaluated on a skip. */
  meaning: PropertiesMeaning;
  caption: string;
  /** Why a property has its value (its mapping and sources), shown on request under its row. */
  explainProperty?: (property: ModifiedProperty) => ReactNode;
}

function PropertyRow({
  property,
  meaning,
  showOld,
  explain,
  columns,
}: {
  property: ModifiedProperty;
  meaning: PropertiesMeaning;
  showOld: boolean;
  explain: ReactNode;
  columns: number;
}) {
  const [open, setOpen] = useState(false);
  const whyId = useId();
  return (
    <>
      <TableRow>
        <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
          {property.name}
        </TableCell>
        {showOld && (
          <TableCell>
            {property.oldValueReported ? (
              <Value value={property.oldValue} />
            ) : (
              <Note>previous value not reported</Note>
            )}
          </TableCell>
        )}
        <TableCell>
          {showOld && (
            <Box component="span" aria-hidden sx={{ color: "text.secondary", mr: 1 }}>
              →
            </Box>
          )}
          <Value value={property.newValue} />
        </TableCell>
        {meaning === "changes" && (
          <TableCell>
            <StatusChip tone={CHANGE_TONE[property.change]} label={property.change} />
          </TableCell>
        )}
        {explain && (
          <TableCell>
            <Button
              size="small"
              sx={{ ml: -1, whiteSpace: "nowrap" }}
              aria-expanded={open}
              aria-controls={whyId}
              onClick={() => setOpen((shown) => !shown)}
            >
              {open ? "Hide why" : "Why this value?"}
              <Box component="span" sx={visuallyHidden}>
                {" "}
                ({property.name})
              </Box>
            </Button>
          </TableCell>
        )}
      </TableRow>
      {explain && open && (
        <TableRow id={whyId}>
          <TableCell colSpan={columns} sx={{ bgcolor: "action.hover" }}>
            {explain}
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

/**
 * The attributes the service reported for the object, filterable. Changes read old → new; on a skip
 * the list is what the service evaluated, so it shows values only and never claims a change.
 */
export function ModifiedProperties({
  properties,
  meaning,
  caption,
  explainProperty,
}: ModifiedPropertiesProps) {
  const [filter, setFilter] = useState("");
  const tableId = useId();
  const shown = filterProperties(properties, filter);
  const showOld =
    (meaning === "changes" || meaning === "attempted") &&
    properties.some((property) => property.oldValueReported);
  const intro = INTRO[meaning];
  const columns = 2 + (showOld ? 1 : 0) + (meaning === "changes" ? 1 : 0) + (explainProperty ? 1 : 0);

  return (
    <Box>
      {intro && properties.length > 0 && <Typography sx={{ mb: 1.5 }}>{intro}</Typography>}
      {properties.length === 0 ? (
        <Typography sx={{ color: "text.secondary" }}>
          The answer lists no properties for this object.
        </Typography>
      ) : (
        <>
          <TextInput
            size="small"
            label="Filter properties"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            slotProps={{ htmlInput: { "aria-controls": tableId } }}
            sx={{ mb: 1 }}
          />
          <TableScroller label={caption}>
            <Table size="small" id={tableId} sx={{ "& td, & th": { overflowWrap: "break-word" } }}>
              <Box component="caption" sx={visuallyHidden}>
                {caption}
              </Box>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {meaning === "evaluated" ? "Attribute" : "Property"}
                  </TableCell>
                  {showOld && (
                    <TableCell component="th" scope="col">
                      Previous value
                    </TableCell>
                  )}
                  <TableCell component="th" scope="col">
                    {meaning === "evaluated"
                      ? "Value the service evaluated"
                      : meaning === "attempted"
                        ? "Value it meant to write"
                        : "New value"}
                  </TableCell>
                  {meaning === "changes" && (
                    <TableCell component="th" scope="col">
                      Change
                    </TableCell>
                  )}
                  {explainProperty && (
                    <TableCell component="th" scope="col">
                      <Box component="span" sx={visuallyHidden}>
                        Why
                      </Box>
                    </TableCell>
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((property, index) => (
                  <Fragment key={`${property.name}-${index}`}>
                    <PropertyRow
                      property={property}
                      meaning={meaning}
                      showOld={showOld}
                      explain={explainProperty?.(property) ?? null}
                      columns={columns}
                    />
                  </Fragment>
                ))}
              </TableBody>
            </Table>
          </TableScroller>
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

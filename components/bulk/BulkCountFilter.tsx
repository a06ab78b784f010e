"use client";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import type { BulkCounts, BulkItemFilter } from "@/lib/api/contracts";
import { countChips } from "./bulk-outcomes";

/** The live counts by outcome; each is also the items table's filter (press again, or All, to clear). */
export function BulkCountFilter({
  counts,
  total,
  selected,
  onSelect,
}: {
  counts: BulkCounts;
  total: number;
  selected: BulkItemFilter | null;
  onSelect: (filter: BulkItemFilter | null) => void;
}) {
  const chips = countChips(counts, selected);
  return (
    <Box
      role="group"
      aria-label="Counts by outcome; each filters the items"
      sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}
    >
      <Chip
        label={`All ${total.toLocaleString("en-US")}`}
        onClick={() => onSelect(null)}
        aria-pressed={selected === null}
        variant={selected === null ? "filled" : "outlined"}
        color={selected === null ? "primary" : "default"}
      />
      {chips.map((chip) => (
        <Chip
          key={chip.filter}
          label={`${chip.label} ${chip.count.toLocaleString("en-US")}`}
          onClick={() => onSelect(chip.selected ? null : chip.filter)}
          aria-pressed={chip.selected}
          variant={chip.selected ? "filled" : "outlined"}
          color={chip.selected ? "primary" : "default"}
          // The tone's colour only on the border: the words say the outcome, the colour repeats it.
          sx={chip.selected || chip.tone === "neutral" ? undefined : { borderColor: `${chip.tone}.main` }}
        />
      ))}
    </Box>
  );
}

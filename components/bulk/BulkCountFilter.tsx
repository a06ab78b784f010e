"use client";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Typography from "@mui/material/Typography";
import type { BulkCounts, BulkItemFilter, BulkRunView } from "@/lib/api/contracts";
import { explainCode } from "@/lib/provisioning/explain-code";
import { countChips, skipReasonsInWords, type CountChip } from "./bulk-outcomes";

function CountChips({
  chips,
  onSelect,
}: {
  chips: readonly CountChip[];
  onSelect: (filter: BulkItemFilter | null) => void;
}) {
  return chips.map((chip) => (
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
  ));
}

/**
 * The live counts: Graph's provisioning outcomes apart from the calls that got none (failed,
 * interrupted, not sent); each is also the items table's filter (press again, or All, to clear).
 */
export function BulkCountFilter({
  counts,
  total,
  skippedBy = [],
  selected,
  onSelect,
}: {
  counts: BulkCounts;
  total: number;
  skippedBy?: BulkRunView["skippedBy"];
  selected: BulkItemFilter | null;
  onSelect: (filter: BulkItemFilter | null) => void;
}) {
  const chips = countChips(counts, selected);
  const outcomes = chips.filter((chip) => chip.kind === "outcome");
  const calls = chips.filter((chip) => chip.kind === "call");
  const skipped = skipReasonsInWords(skippedBy, (code) => explainCode(code).title.toLowerCase());
  return (
    <Box sx={{ display: "grid", gap: 1 }}>
      <Box
        role="group"
        aria-label="Counts by outcome; each filters the items"
        sx={{ display: "flex", flexWrap: "wrap", gap: 1, alignItems: "center" }}
      >
        <Chip
          label={`All ${total.toLocaleString("en-US")}`}
          onClick={() => onSelect(null)}
          aria-pressed={selected === null}
          variant={selected === null ? "filled" : "outlined"}
          color={selected === null ? "primary" : "default"}
        />
        {outcomes.length > 0 && (
          <Typography component="span" variant="body2" sx={{ color: "text.secondary", ml: 1 }}>
            Provisioning outcome:
          </Typography>
        )}
        <CountChips chips={outcomes} onSelect={onSelect} />
        {calls.length > 0 && (
          <Typography component="span" variant="body2" sx={{ color: "text.secondary", ml: 1 }}>
            Calls without an outcome:
          </Typography>
        )}
        <CountChips chips={calls} onSelect={onSelect} />
      </Box>
      {skipped && (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          <strong>Skipped by reason:</strong> {skipped}.
        </Typography>
      )}
    </Box>
  );
}

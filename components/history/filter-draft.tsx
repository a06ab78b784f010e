"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import SearchIcon from "@mui/icons-material/Search";
import { TextInput } from "@/components/TextInput";
import { dateInputToIso, isoToDateInput } from "./history-filters";

// What the history's and the audit log's filter forms share: a draft of the filters that typed
// text changes and Enter applies, choices that apply at once, and a day range.

interface DayRange {
  from?: string;
  to?: string;
}

const daysOf = (filters: DayRange) => ({
  from: isoToDateInput(filters.from),
  to: isoToDateInput(filters.to),
});

/** The filters being edited, following the URL's when it changes (back button, Clear). */
export function useFilterDraft<F extends DayRange>(filters: F, onApply: (filters: F) => void) {
  const [draft, setDraft] = useState(filters);
  // A date input's text is kept apart: while a year is being typed it is not yet a date to apply.
  const [days, setDays] = useState(() => daysOf(filters));
  const [shown, setShown] = useState(filters);
  if (shown !== filters) {
    setShown(filters);
    setDraft(filters);
    setDays(daysOf(filters));
  }
  const applyNow = (change: Partial<F>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    onApply(next);
  };
  const changeDay = (edge: "from" | "to", value: string) => {
    setDays({ ...days, [edge]: value });
    const iso = dateInputToIso(value, edge);
    if (value === "" || iso) applyNow({ [edge]: iso } as Partial<F>);
  };
  return { draft, setDraft, applyNow, days, changeDay };
}

/** From and To, each applied as soon as it is a whole date. */
export function DayRangeFields({
  days,
  changeDay,
}: {
  days: { from: string; to: string };
  changeDay: (edge: "from" | "to", value: string) => void;
}) {
  return (["from", "to"] as const).map((edge) => (
    <TextInput
      key={edge}
      type="date"
      label={edge === "from" ? "From" : "To"}
      value={days[edge]}
      onChange={(event) => changeDay(edge, event.target.value)}
      size="small"
      slotProps={{ inputLabel: { shrink: true } }}
    />
  ));
}

/**
 * A choice from a list that applies at once; the empty value stands for "any" and is a real
 * choice, so it shows, with the label above it.
 */
export function ChoiceFilter({
  label,
  anyLabel,
  value,
  choices,
  onChoose,
}: {
  label: string;
  anyLabel: string;
  value: string | undefined;
  choices: readonly { value: string; label: string }[];
  onChoose: (value: string | undefined) => void;
}) {
  return (
    <TextInput
      select
      slotProps={{ inputLabel: { shrink: true } }}
      label={label}
      value={value ?? ""}
      onChange={(event) => onChoose(event.target.value || undefined)}
      size="small"
    >
      <option value="">{anyLabel}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </TextInput>
  );
}

/** A filter form: its fields in a grid, then Search (also Enter in any text field) and Clear. */
export function FilterForm({
  label,
  columns,
  onSubmit,
  onClear,
  canClear,
  fields,
  extra,
}: {
  label: string;
  columns: number;
  onSubmit: () => void;
  onClear: () => void;
  canClear: boolean;
  fields: ReactNode;
  extra?: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Box component="form" role="search" aria-label={label} onSubmit={submit} noValidate>
      <Box
        sx={{
          display: "grid",
          gap: 2,
          gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", md: `repeat(${columns}, 1fr)` },
          alignItems: "start",
        }}
      >
        {fields}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: "center", flexWrap: "wrap", rowGap: 1 }}>
        <Button type="submit" variant="contained" startIcon={<SearchIcon aria-hidden />}>
          Search
        </Button>
        <Button type="button" onClick={onClear} disabled={!canClear}>
          Clear filters
        </Button>
        {extra}
      </Stack>
    </Box>
  );
}

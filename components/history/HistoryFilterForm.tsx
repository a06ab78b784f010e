"use client";
import { useState, type FormEvent } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import SearchIcon from "@mui/icons-material/Search";
import { useInfiniteQuery } from "@tanstack/react-query";
import { appQueries } from "@/components/apps/queries";
import type { RunHistoryFilters } from "@/lib/api/contracts";
import { OUTCOMES } from "@/lib/provisioning/result";
import {
  dateInputToIso,
  hasFilters,
  isoToDateInput,
  isReasonCode,
  outcomeOrAny,
  RUN_ACTIONS,
} from "./history-filters";

const ANY = "";
// "All applications" and the like are real choices, so they show, with the label above them.
const listSlotProps = { inputLabel: { shrink: true } } as const;

function daysOf(filters: RunHistoryFilters) {
  return { from: isoToDateInput(filters.from), to: isoToDateInput(filters.to) };
}

/** The applications to filter by: the first page of the catalogue, plus the one in the URL if it is not on it. */
function useApplicationOptions(selected: string | undefined) {
  const apps = useInfiniteQuery({ ...appQueries.list(""), select: (data) => data.pages[0]?.items ?? [] });
  const options = (apps.data ?? []).map((app) => ({ id: app.id, label: app.displayName }));
  if (selected && !options.some((option) => option.id === selected))
    options.push({ id: selected, label: selected });
  return options;
}

/**
 * The history's filters. Choices in a list apply at once; typed text applies on Enter or "Search",
 * so the URL (and the query) does not change on every keystroke.
 */
export function HistoryFilterForm({
  filters,
  onApply,
}: {
  filters: RunHistoryFilters;
  onApply: (filters: RunHistoryFilters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  // A date input's text is kept apart: while a year is being typed it is not yet a date to apply.
  const [days, setDays] = useState(() => daysOf(filters));
  const [shown, setShown] = useState(filters);
  // The URL changed (back button, Clear): show what it now says.
  if (shown !== filters) {
    setShown(filters);
    setDraft(filters);
    setDays(daysOf(filters));
  }
  const applications = useApplicationOptions(filters.servicePrincipalId);

  const applyNow = (change: Partial<RunHistoryFilters>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    onApply(next);
  };
  const changeDay = (edge: "from" | "to", value: string) => {
    setDays({ ...days, [edge]: value });
    const iso = dateInputToIso(value, edge);
    if (value === "" || iso) applyNow({ [edge]: iso });
  };
  const reasonText = draft.reason?.trim();
  const reasonProblem =
    reasonText && !isReasonCode(reasonText)
      ? "A code has only letters, digits, dots, dashes and underscores"
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reasonProblem) return;
    onApply(draft);
  };

  return (
    <Box component="form" role="search" aria-label="Filter the history" onSubmit={submit} noValidate>
      <Box
        sx={{
          display: "grid",
          gap: 2,
          gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", md: "repeat(4, 1fr)" },
          alignItems: "start",
        }}
      >
        <TextInput
          label="Object"
          helperText="Object id, UPN or distinguished name"
          value={draft.subject ?? ""}
          onChange={(event) => setDraft({ ...draft, subject: event.target.value || undefined })}
          size="small"
        />
        <TextInput
          label="Who ran it"
          helperText="Part of a name or UPN, or the operator id"
          value={draft.actor ?? ""}
          onChange={(event) => setDraft({ ...draft, actor: event.target.value || undefined })}
          size="small"
        />
        <TextInput
          label="Reason"
          helperText={reasonProblem ?? "A skip reason or error code, e.g. RedundantExport"}
          error={reasonProblem !== null}
          value={draft.reason ?? ""}
          onChange={(event) => setDraft({ ...draft, reason: event.target.value || undefined })}
          size="small"
        />
        <TextInput
          select
          slotProps={listSlotProps}
          label="Application"
          value={draft.servicePrincipalId ?? ANY}
          onChange={(event) => applyNow({ servicePrincipalId: event.target.value || undefined })}
          size="small"
        >
          <option value={ANY}>All applications</option>
          {applications.map((app) => (
            <option key={app.id} value={app.id}>
              {app.label}
            </option>
          ))}
        </TextInput>
        <TextInput
          select
          slotProps={listSlotProps}
          label="Outcome"
          value={draft.outcome ?? ANY}
          onChange={(event) => applyNow({ outcome: outcomeOrAny(event.target.value) })}
          size="small"
        >
          <option value={ANY}>Any outcome</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcome}
            </option>
          ))}
        </TextInput>
        <TextInput
          select
          slotProps={listSlotProps}
          label="Action"
          value={draft.action ?? ANY}
          onChange={(event) => applyNow({ action: event.target.value || undefined })}
          size="small"
        >
          <option value={ANY}>Any action</option>
          {RUN_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </TextInput>
        <TextInput
          type="date"
          label="From"
          value={days.from}
          onChange={(event) => changeDay("from", event.target.value)}
          size="small"
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextInput
          type="date"
          label="To"
          value={days.to}
          onChange={(event) => changeDay("to", event.target.value)}
          size="small"
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: "center", flexWrap: "wrap", rowGap: 1 }}>
        <Button type="submit" variant="contained" startIcon={<SearchIcon aria-hidden />}>
          Search
        </Button>
        <Button
          type="button"
          onClick={() => onApply({})}
          disabled={!hasFilters(filters) && !hasFilters(draft)}
        >
          Clear filters
        </Button>
        {filters.jobId && (
          <>
            <Chip label={`Job: ${filters.jobId}`} variant="outlined" />
            <Button type="button" size="small" onClick={() => applyNow({ jobId: undefined })}>
              Any job
            </Button>
          </>
        )}
      </Stack>
    </Box>
  );
}

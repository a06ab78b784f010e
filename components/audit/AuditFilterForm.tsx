"use client";
import { useState, type FormEvent } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import SearchIcon from "@mui/icons-material/Search";
import type { AuditFilters } from "@/lib/api/contracts";
import { dateInputToIso, isoToDateInput } from "@/components/history/history-filters";
import { AUDIT_ACTIONS, auditActionText } from "./audit-entry";
import { hasAuditFilters } from "./audit-filters";

const ANY = "";

function daysOf(filters: AuditFilters) {
  return { from: isoToDateInput(filters.from), to: isoToDateInput(filters.to) };
}

/**
 * The audit log's filters: who, what, which object, which application, when. The action and the
 * days apply at once; typed text applies on Enter or "Search".
 */
export function AuditFilterForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  const [days, setDays] = useState(() => daysOf(filters));
  const [shown, setShown] = useState(filters);
  // The URL changed (back button, Clear): show what it now says.
  if (shown !== filters) {
    setShown(filters);
    setDraft(filters);
    setDays(daysOf(filters));
  }

  const applyNow = (change: Partial<AuditFilters>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    onApply(next);
  };
  const changeDay = (edge: "from" | "to", value: string) => {
    setDays({ ...days, [edge]: value });
    const iso = dateInputToIso(value, edge);
    if (value === "" || iso) applyNow({ [edge]: iso });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const text = (name: "actor" | "object" | "app", label: string, helperText: string) => (
    <TextInput
      label={label}
      helperText={helperText}
      value={draft[name] ?? ""}
      onChange={(event) => setDraft({ ...draft, [name]: event.target.value || undefined })}
      slotProps={{ htmlInput: { maxLength: 200 } }}
      size="small"
    />
  );

  return (
    <Box component="form" role="search" aria-label="Filter the audit log" onSubmit={submit} noValidate>
      <Box
        sx={{
          display: "grid",
          gap: 2,
          gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", md: "repeat(3, 1fr)" },
          alignItems: "start",
        }}
      >
        {text("actor", "Who", "Part of a name or UPN, or the id")}
        <TextInput
          select
          slotProps={{ inputLabel: { shrink: true } }}
          label="Action"
          value={draft.action ?? ANY}
          onChange={(event) =>
            applyNow({ action: AUDIT_ACTIONS.find((action) => action === event.target.value) })
          }
          size="small"
        >
          <option value={ANY}>Any action</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {auditActionText(action)}
            </option>
          ))}
        </TextInput>
        {text("object", "Object", "A user or group by part of its name or id, or a run id")}
        {text("app", "Application", "Part of the application's name, or its id")}
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
      <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: "center" }}>
        <Button type="submit" variant="contained" startIcon={<SearchIcon aria-hidden />}>
          Search
        </Button>
        <Button
          type="button"
          onClick={() => onApply({})}
          disabled={!hasAuditFilters(filters) && !hasAuditFilters(draft)}
        >
          Clear filters
        </Button>
      </Stack>
    </Box>
  );
}

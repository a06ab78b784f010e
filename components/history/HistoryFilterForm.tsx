"use client";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import { TextInput } from "@/components/TextInput";
import { useInfiniteQuery } from "@tanstack/react-query";
import { appQueries } from "@/components/apps/queries";
import type { RunHistoryFilters } from "@/lib/api/contracts";
import { OUTCOMES } from "@/lib/provisioning/result";
import { ChoiceFilter, DayRangeFields, FilterForm, useFilterDraft } from "./filter-draft";
import { hasFilters, isReasonCode, outcomeOrAny, RUN_ACTIONS } from "./history-filters";

/** The applications to filter by: the first page of the catalogue, plus the one in the URL if it is not on it. */
function useApplicationOptions(selected: string | undefined) {
  const apps = useInfiniteQuery({ ...appQueries.list(""), select: (data) => data.pages[0]?.items ?? [] });
  const options = (apps.data ?? []).map((app) => ({ value: app.id, label: app.displayName }));
  if (selected && !options.some((option) => option.value === selected))
    options.push({ value: selected, label: selected });
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
  const { draft, setDraft, applyNow, days, changeDay } = useFilterDraft(filters, onApply);
  const applications = useApplicationOptions(filters.servicePrincipalId);

  const reasonText = draft.reason?.trim();
  const reasonProblem =
    reasonText && !isReasonCode(reasonText)
      ? "A code has only letters, digits, dots, dashes and underscores"
      : null;

  return (
    <FilterForm
      label="Filter the history"
      columns={4}
      onSubmit={() => {
        if (!reasonProblem) onApply(draft);
      }}
      onClear={() => onApply({})}
      canClear={hasFilters(filters) || hasFilters(draft)}
      extra={
        filters.jobId && (
          <>
            <Chip label={`Job: ${filters.jobId}`} variant="outlined" />
            <Button type="button" size="small" onClick={() => applyNow({ jobId: undefined })}>
              Any job
            </Button>
          </>
        )
      }
      fields={
        <>
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
          <ChoiceFilter
            label="Application"
            anyLabel="All applications"
            value={draft.servicePrincipalId}
            choices={applications}
            onChoose={(servicePrincipalId) => applyNow({ servicePrincipalId })}
          />
          <ChoiceFilter
            label="Outcome"
            anyLabel="Any outcome"
            value={draft.outcome}
            choices={OUTCOMES.map((outcome) => ({ value: outcome, label: outcome }))}
            onChoose={(outcome) => applyNow({ outcome: outcomeOrAny(outcome ?? "") })}
          />
          <ChoiceFilter
            label="Action"
            anyLabel="Any action"
            value={draft.action}
            choices={RUN_ACTIONS.map((action) => ({ value: action, label: action }))}
            onChoose={(action) => applyNow({ action })}
          />
          <DayRangeFields days={days} changeDay={changeDay} />
        </>
      }
    />
  );
}

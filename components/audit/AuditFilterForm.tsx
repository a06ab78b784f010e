"use client";
import { TextInput } from "@/components/TextInput";
import type { AuditFilters } from "@/lib/api/contracts";
import { ChoiceFilter, DayRangeFields, FilterForm, useFilterDraft } from "@/components/history/filter-draft";
import { AUDIT_ACTIONS, auditActionText } from "./audit-entry";
import { hasAuditFilters } from "./audit-filters";

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
  const { draft, setDraft, applyNow, days, changeDay } = useFilterDraft(filters, onApply);
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
    <FilterForm
      label="Filter the audit log"
      columns={3}
      onSubmit={() => onApply(draft)}
      onClear={() => onApply({})}
      canClear={hasAuditFilters(filters) || hasAuditFilters(draft)}
      fields={
        <>
          {text("actor", "Who", "Part of a name or UPN, or the id")}
          <ChoiceFilter
            label="Action"
            anyLabel="Any action"
            value={draft.action}
            choices={AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionText(action) }))}
            onChoose={(chosen) => applyNow({ action: AUDIT_ACTIONS.find((action) => action === chosen) })}
          />
          {text("object", "Object", "A user or group by part of its name or id, or a run id")}
          {text("app", "Application", "Part of the application's name, or its id")}
          <DayRangeFields days={days} changeDay={changeDay} />
        </>
      }
    />
  );
}

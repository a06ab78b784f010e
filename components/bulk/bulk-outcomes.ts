import type { ChipTone } from "@/components/run-result/OutcomeChip";
import type { BulkCounts, BulkItemFilter, BulkItemView } from "@/lib/api/contracts";
import { normaliseOutcome } from "@/lib/provisioning/outcome";
import type { Outcome } from "@/lib/provisioning";

export interface FilterLook {
  filter: BulkItemFilter;
  /** Words on the chip and in the table: "Call failed" says the call failed, not the provisioning. */
  label: string;
  tone: ChipTone;
  /** Graph's answer about the provisioning, or where the call stands (failed, interrupted, never sent). */
  kind: "outcome" | "call";
}

/** Every item filter in the order the page shows them: Graph's outcomes, then the states before or instead of one. */
export const ITEM_FILTERS: readonly FilterLook[] = [
  { filter: "Success", label: "Success", tone: "success", kind: "outcome" },
  { filter: "Skipped", label: "Skipped", tone: "info", kind: "outcome" },
  { filter: "Failure", label: "Failure", tone: "error", kind: "outcome" },
  { filter: "Warning", label: "Warning", tone: "warning", kind: "outcome" },
  { filter: "Unknown", label: "Unknown", tone: "neutral", kind: "outcome" },
  { filter: "failed", label: "Call failed", tone: "error", kind: "call" },
  { filter: "interrupted", label: "Interrupted", tone: "warning", kind: "call" },
  { filter: "cancelled", label: "Not sent (cancelled)", tone: "neutral", kind: "call" },
  { filter: "pending", label: "Pending", tone: "neutral", kind: "call" },
  { filter: "sending", label: "Sending", tone: "info", kind: "call" },
];

export function isItemFilter(value: string): value is BulkItemFilter {
  return ITEM_FILTERS.some((look) => look.filter === value);
}

export function filterLabel(filter: BulkItemFilter): string {
  return ITEM_FILTERS.find((look) => look.filter === filter)?.label ?? filter;
}

export interface CountChip extends FilterLook {
  count: number;
  selected: boolean;
}

/** The counts as filter chips: those with items, and the chosen filter even at zero so it can be cleared. */
export function countChips(counts: BulkCounts, selected: BulkItemFilter | null): CountChip[] {
  return ITEM_FILTERS.map((look) => ({
    ...look,
    count: countOf(counts, look.filter),
    selected: look.filter === selected,
  })).filter((chip) => chip.count > 0 || chip.selected);
}

/** "3 Success, 1 Call failed" — the counts that are not zero; "no items" when all are. */
export function countsInWords(counts: BulkCounts): string {
  const parts = ITEM_FILTERS.filter((look) => countOf(counts, look.filter) > 0).map(
    (look) => `${countOf(counts, look.filter)} ${look.label}`,
  );
  return parts.length > 0 ? parts.join(", ") : "no items";
}

function countOf(counts: BulkCounts, filter: BulkItemFilter): number {
  const count = counts[filter];
  return Number.isFinite(count) ? count : 0;
}

/** An item's chip: Graph's outcome once it answered, else where the item stands. */
export type ItemLook = { outcome: Outcome; label: string } | { outcome: null; label: string; tone: ChipTone };

export function itemLook(item: Pick<BulkItemView, "status" | "outcome">): ItemLook {
  if (item.status === "done") {
    const outcome = normaliseOutcome(item.outcome);
    return { outcome, label: item.outcome?.trim() || outcome };
  }
  const look = ITEM_FILTERS.find((candidate) => candidate.filter === item.status);
  return { outcome: null, label: look?.label ?? item.status, tone: look?.tone ?? "neutral" };
}

/** "2 not assigned (NotEffectivelyEntitled), 1 already in sync (RedundantExport)": the Skipped items by reason. */
export function skipReasonsInWords(
  skippedBy: readonly { reason: string | null; count: number }[],
  title: (code: string) => string,
): string {
  return skippedBy
    .map(({ reason, count }) =>
      reason
        ? `${count.toLocaleString("en-US")} ${title(reason)} (${reason})`
        : `${count} with no reason given`,
    )
    .join(", ");
}

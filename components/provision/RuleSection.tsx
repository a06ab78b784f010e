"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Skeleton from "@mui/material/Skeleton";
import { OutlinedSection } from "@/components/OutlinedSection";
import type { RuleSummary } from "@/lib/api/contracts";
import type { RuleChoice } from "./provision-form";
import { RulePicker } from "./RulePicker";

/** Step 1 of running a job: the rule, once the job's rules have loaded. */
export function RuleSection({
  headingId,
  rules,
  choice,
  onPick,
}: {
  headingId: string;
  rules: UseQueryResult<RuleSummary[]>;
  choice: RuleChoice;
  onPick: (ruleId: string) => void;
}) {
  return (
    <OutlinedSection title="1. Rule" id={headingId}>
      {rules.isSuccess ? (
        <RulePicker choice={choice} onPick={onPick} />
      ) : rules.isError ? (
        <Alert severity="error">The job&apos;s rules could not be loaded: {rules.error.message}</Alert>
      ) : (
        <Skeleton variant="rounded" height={56} />
      )}
    </OutlinedSection>
  );
}

"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import NextLink from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import PlayArrow from "@mui/icons-material/PlayArrow";
import Preview from "@mui/icons-material/Preview";
import { ApiClientError } from "@/components/api/api-fetch";
import { provisionHref } from "@/components/apps/app-links";
import { JobPageHeader } from "@/components/jobs/JobPageHeader";
import { useJobPage } from "@/components/jobs/use-job-page";
import { OutlinedSection } from "@/components/OutlinedSection";
import { ExplainedAction } from "@/components/provision/ExplainedAction";
import { chooseRule, offeredSubjectKinds } from "@/components/provision/provision-form";
import { RuleSection } from "@/components/provision/RuleSection";
import type { BulkSource } from "@/lib/api/contracts";
import { bulkRunHref, bulkRunsHref } from "./bulk-links";
import {
  EMPTY_SOURCE_FORM,
  sameSource,
  sourceReadiness,
  startReadiness,
  type BulkSourceForm,
  type PreviewOf,
  type SourceTab,
} from "./bulk-source";
import { BulkPreviewView } from "./BulkPreviewView";
import { BulkSourcePicker } from "./BulkSourcePicker";
import { previewBulkRun, startBulkRun } from "./queries";

/** "New bulk run" for one job: rule, objects, a preview of what resolves, then start. */
export function NewBulkRunPage({ spId, jobId }: { spId: string; jobId: string }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const page = useJobPage(spId, jobId);
  const { rules, job } = page;

  const [ruleId, setRuleId] = useState<string | null>(() => searchParams.get("rule"));
  const choice = chooseRule(rules.data ?? [], ruleId);
  const groupsMapped = offeredSubjectKinds(choice.rule, job?.templateId ?? null).includes("group");
  const tabs: SourceTab[] = groupsMapped ? ["lines", "csv", "group"] : ["lines", "csv"];

  const [form, setForm] = useState<BulkSourceForm>(EMPTY_SOURCE_FORM);
  const shownForm: BulkSourceForm = tabs.includes(form.tab) ? form : { ...form, tab: "lines" };
  const source = sourceReadiness(shownForm);

  const preview = useMutation({
    mutationFn: async (asked: BulkSource): Promise<PreviewOf> => ({
      source: asked,
      preview: await previewBulkRun({ servicePrincipalId: spId, jobId, source: asked }),
    }),
  });
  const start = useMutation({
    mutationFn: startBulkRun,
    onSuccess: ({ id }) => router.push(bulkRunHref(id)),
  });
  const previewed = preview.data ?? null;
  const startable = startReadiness(
    { servicePrincipalId: spId, jobId, ruleId: choice.rule?.id ?? null },
    source.source,
    previewed,
  );

  const header = (
    <JobPageHeader
      spId={spId}
      jobId={jobId}
      page={page}
      title="New bulk run"
      trail={[{ label: "Provision on demand", href: provisionHref(spId, jobId) }]}
    />
  );
  // A link to an application or job that does not exist says so, and offers no form.
  if (page.missing) return <Stack spacing={3}>{header}</Stack>;

  return (
    <Stack spacing={3}>
      {header}

      <RuleSection headingId="bulk-rule-heading" rules={rules} choice={choice} onPick={setRuleId} />

      <OutlinedSection title="2. Objects to provision" id="bulk-source-heading">
        <BulkSourcePicker
          form={shownForm}
          tabs={tabs}
          onChange={(patch) => setForm({ ...shownForm, ...patch })}
        />
        <ExplainedAction
          sx={{ mt: 2 }}
          variant="outlined"
          startIcon={<Preview aria-hidden />}
          loading={preview.isPending}
          explanationId="bulk-preview-readiness"
          problem={source.problem}
          hint="Looks up every object and lists what could not be found. Nothing is provisioned yet."
          onClick={() => source.source && preview.mutate(source.source)}
        >
          Preview
        </ExplainedAction>
        {preview.isError && (
          <Alert severity="error" sx={{ mt: 2 }}>
            <AlertTitle>The preview failed</AlertTitle>
            {preview.error.message}
          </Alert>
        )}
      </OutlinedSection>

      {previewed && (
        <OutlinedSection title="3. Preview" id="bulk-preview-heading">
          <BulkPreviewView preview={previewed.preview} stale={!sameSource(source.source, previewed.source)} />
        </OutlinedSection>
      )}

      <ExplainedAction
        variant="contained"
        size="large"
        startIcon={<PlayArrow aria-hidden />}
        loading={start.isPending}
        done={start.isSuccess}
        explanationId="bulk-start-readiness"
        problem={startable.problem}
        hint="Sends the previewed objects at the job's pace. You can pause or cancel it on the next page."
        onClick={() => startable.request && start.mutate(startable.request)}
      >
        Start bulk run
      </ExplainedAction>
      {start.isError && (
        <Alert severity="error" onClose={() => start.reset()}>
          <AlertTitle>The bulk run could not be started</AlertTitle>
          {start.error.message}
          {start.error instanceof ApiClientError && start.error.status === 409 && (
            <Box sx={{ mt: 1 }}>
              <MuiLink component={NextLink} href={bulkRunsHref({ servicePrincipalId: spId, jobId })}>
                See this job&apos;s bulk runs
              </MuiLink>
            </Box>
          )}
        </Alert>
      )}
    </Stack>
  );
}

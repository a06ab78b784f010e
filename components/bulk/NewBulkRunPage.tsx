"use client";
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MuiLink from "@mui/material/Link";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import PlayArrow from "@mui/icons-material/PlayArrow";
import Preview from "@mui/icons-material/Preview";
import { ApiClientError } from "@/components/api/api-fetch";
import { appHref, provisionHref } from "@/components/apps/app-links";
import { ConsoleBreadcrumbs } from "@/components/apps/ConsoleBreadcrumbs";
import { appQueries } from "@/components/apps/queries";
import { useCanRunProvisioning } from "@/components/auth";
import { CopyableId } from "@/components/jobs/CopyableId";
import { templateLabel } from "@/components/jobs/job-template";
import { jobQueries } from "@/components/jobs/queries";
import { OutlinedSection } from "@/components/OutlinedSection";
import { chooseRule, offeredSubjectKinds } from "@/components/provision/provision-form";
import { RulePicker } from "@/components/provision/RulePicker";
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
  const app = useQuery(appQueries.detail(spId));
  const jobs = useQuery(jobQueries.list(spId));
  const rules = useQuery(jobQueries.rules(spId, jobId));
  const job = jobs.data?.find((candidate) => candidate.id === jobId) ?? null;
  const permission = useCanRunProvisioning();

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

  const appName = app.data?.displayName ?? "Application";
  const loadError = app.error ?? jobs.error;
  return (
    <Stack spacing={3}>
      <ConsoleBreadcrumbs
        crumbs={[
          { label: "Applications", href: "/" },
          { label: appName, href: appHref(spId) },
          { label: "Provision on demand", href: provisionHref(spId, jobId) },
          { label: "New bulk run" },
        ]}
      />
      <div>
        <Typography variant="h4" component="h1">
          New bulk run
        </Typography>
        <Typography sx={{ color: "text.secondary", mt: 0.5 }}>
          {app.data ? app.data.displayName : <Skeleton width={240} sx={{ display: "inline-block" }} />}
          {job && ` · ${templateLabel(job.templateId)}`}
        </Typography>
        <Typography variant="body2" component="div" sx={{ color: "text.secondary" }}>
          Job <CopyableId id={jobId} label="job id" />
        </Typography>
      </div>

      {loadError && (
        <Alert severity="error">The application or its jobs could not be loaded: {loadError.message}</Alert>
      )}
      {jobs.isSuccess && !job && (
        <Alert severity="warning">
          This application has no job with the id {jobId}. Go back to the application and pick one of its
          jobs.
        </Alert>
      )}

      <OutlinedSection title="1. Rule" id="bulk-rule-heading">
        {rules.isSuccess ? (
          <RulePicker choice={choice} onPick={setRuleId} />
        ) : rules.isError ? (
          <Alert severity="error">The job&apos;s rules could not be loaded: {rules.error.message}</Alert>
        ) : (
          <Skeleton variant="rounded" height={56} />
        )}
      </OutlinedSection>

      <OutlinedSection title="2. Objects to provision" id="bulk-source-heading">
        <BulkSourcePicker
          form={shownForm}
          tabs={tabs}
          onChange={(patch) => setForm({ ...shownForm, ...patch })}
        />
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "center", mt: 2 }}>
          <Button
            variant="outlined"
            startIcon={<Preview aria-hidden />}
            disabled={source.source === null || !permission.allowed}
            loading={preview.isPending}
            aria-describedby="bulk-preview-readiness"
            onClick={() => source.source && preview.mutate(source.source)}
          >
            Preview
          </Button>
          <Typography
            id="bulk-preview-readiness"
            variant="body2"
            sx={{ color: "text.secondary", flex: "1 1 240px" }}
          >
            {permission.reason ??
              source.problem ??
              "Looks up every object and lists what could not be found. Nothing is provisioned yet."}
          </Typography>
        </Box>
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

      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "center" }}>
        <Button
          variant="contained"
          size="large"
          startIcon={<PlayArrow aria-hidden />}
          disabled={startable.request === null || !permission.allowed || start.isSuccess}
          loading={start.isPending}
          aria-describedby="bulk-start-readiness"
          onClick={() => startable.request && start.mutate(startable.request)}
        >
          Start bulk run
        </Button>
        <Typography
          id="bulk-start-readiness"
          variant="body2"
          sx={{ color: "text.secondary", flex: "1 1 240px" }}
        >
          {permission.reason ??
            startable.problem ??
            "Sends the previewed objects at the job's pace. You can pause or cancel it on the next page."}
        </Typography>
      </Box>
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

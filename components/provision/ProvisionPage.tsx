"use client";
import { useCallback, useState, useSyncExternalStore } from "react";
import dynamic from "next/dynamic";
import { useQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import PlayArrow from "@mui/icons-material/PlayArrow";
import { appHref, provisionHref } from "@/components/apps/app-links";
import { ConsoleBreadcrumbs } from "@/components/apps/ConsoleBreadcrumbs";
import { appQueries } from "@/components/apps/queries";
import { useCanRunProvisioning } from "@/components/auth";
import { newBulkRunHref } from "@/components/bulk/bulk-links";
import { useDemoMode } from "@/components/demo-panel/queries";
import { directoryQueries } from "@/components/directory/queries";
import { CopyableId } from "@/components/jobs/CopyableId";
import { templateLabel } from "@/components/jobs/job-template";
import { jobQueries } from "@/components/jobs/queries";
import { LinkButton } from "@/components/LinkButton";
import { OutlinedSection } from "@/components/OutlinedSection";
import { CopyButton } from "@/components/run-result/CopyButton";
import type { RunRequest } from "@/lib/api/contracts";
import { chooseRule, effectiveKind, offeredSubjectKinds, provisionReadiness } from "./provision-form";
import { EMPTY_PROVISION_FORM, provisionLinkQuery, type ProvisionFormState } from "./provision-url-state";
import { RulePicker } from "./RulePicker";
import { SessionRuns } from "./SessionRuns";
import { ShownRun } from "./ShownRun";
import { SubjectPicker } from "./SubjectPicker";
import { useProvisionForm } from "./use-provision-form";
import { useSessionRuns } from "./use-session-runs";

const noSubscription = () => () => {};

// Only demo mode shows the panel, so Entra mode never downloads it.
const DemoPanel = dynamic(() =>
  import("@/components/demo-panel/DemoPanel").then((module) => module.DemoPanel),
);

/** How the subject reads in the list of runs: the user's or group's name, or the DN. */
function useSubjectLabel(form: ProvisionFormState): string {
  const user = useQuery({
    ...directoryQueries.user(form.userId ?? ""),
    enabled: form.kind === "user" && form.userId !== null,
  });
  const group = useQuery({
    ...directoryQueries.group(form.groupId ?? ""),
    enabled: form.kind === "group" && form.groupId !== null,
  });
  if (form.kind === "user") return user.data?.displayName ?? form.userId ?? "";
  if (form.kind === "group") {
    const count = form.memberIds.length;
    return `${group.data?.displayName ?? form.groupId ?? ""} with ${count} member${count === 1 ? "" : "s"}`;
  }
  return form.distinguishedName;
}

/** Provision on demand for one job: rule, subject, Provision, and the runs of this visit. */
export function ProvisionPage({ spId, jobId }: { spId: string; jobId: string }) {
  const app = useQuery(appQueries.detail(spId));
  const jobs = useQuery(jobQueries.list(spId));
  const rules = useQuery(jobQueries.rules(spId, jobId));
  const job = jobs.data?.find((candidate) => candidate.id === jobId) ?? null;

  const { state, notices, update } = useProvisionForm();
  const choice = chooseRule(rules.data ?? [], state.ruleId);
  const kinds = offeredSubjectKinds(choice.rule, job?.templateId ?? null);
  const kind = effectiveKind(state.kind, kinds);
  const form: ProvisionFormState = { ...state, kind };
  // Every change is made on the kind shown, even when the link asked for one this job does not offer.
  const change = useCallback(
    (patch: Partial<ProvisionFormState>) => update({ kind, ...patch }),
    [update, kind],
  );

  const readiness = provisionReadiness(form, {
    servicePrincipalId: spId,
    jobId,
    ruleId: choice.rule?.id ?? null,
  });
  const subjectLabel = useSubjectLabel(form);
  const session = useSessionRuns();
  const demoMode = useDemoMode();
  const permission = useCanRunProvisioning();
  const [shownId, setShownId] = useState<string | null>(null);
  const newest = session.runs[0]?.id ?? null;
  const shown = shownId ?? newest;

  const provision = (request: RunRequest, label: string) => {
    setShownId(null);
    session.start(request, label);
  };
  const anotherHref = provisionHref(
    spId,
    jobId,
    provisionLinkQuery({ ...EMPTY_PROVISION_FORM, ruleId: choice.rule?.id ?? null, kind }),
  );
  const shownRun = session.runs.find((run) => run.id === shown) ?? null;
  const appName = app.data?.displayName ?? "Application";
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const formLink =
    origin &&
    `${origin}${provisionHref(spId, jobId, provisionLinkQuery({ ...form, ruleId: choice.rule?.id ?? null }))}`;

  const loadError = app.error ?? jobs.error;
  return (
    <Stack spacing={3}>
      <ConsoleBreadcrumbs
        crumbs={[
          { label: "Applications", href: "/" },
          { label: appName, href: appHref(spId) },
          { label: "Provision on demand" },
        ]}
      />
      <div>
        <Typography variant="h4" component="h1">
          Provision on demand
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
      {notices.length > 0 && (
        <Alert severity="info">
          {notices.map((notice) => (
            <div key={notice}>{notice}</div>
          ))}
        </Alert>
      )}

      <OutlinedSection title="1. Rule" id="rule-heading">
        {rules.isSuccess ? (
          <RulePicker choice={choice} onPick={(ruleId) => change({ ruleId })} />
        ) : rules.isError ? (
          <Alert severity="error">The job&apos;s rules could not be loaded: {rules.error.message}</Alert>
        ) : (
          <Skeleton variant="rounded" height={56} />
        )}
      </OutlinedSection>

      <OutlinedSection title="2. What to provision" id="subject-heading">
        <SubjectPicker kinds={kinds} kind={kind} state={form} update={change} />
      </OutlinedSection>

      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "center" }}>
        <Button
          variant="contained"
          size="large"
          startIcon={<PlayArrow aria-hidden />}
          disabled={readiness.request === null || !permission.allowed}
          loading={session.starting}
          aria-describedby="provision-readiness"
          onClick={() => readiness.request && provision(readiness.request, subjectLabel)}
        >
          Provision
        </Button>
        <Typography
          id="provision-readiness"
          variant="body2"
          sx={{ color: "text.secondary", flex: "1 1 240px" }}
        >
          {permission.reason ??
            readiness.problem ??
            "Provisions just this object now, outside the job's schedule. A link to this page never runs anything by itself."}
        </Typography>
        <LinkButton variant="outlined" href={newBulkRunHref(spId, jobId, choice.rule?.id ?? null)}>
          Bulk run…
        </LinkButton>
        {formLink && <CopyButton text={formLink} label="Copy link to this form" />}
      </Box>
      {session.startError && (
        <Alert severity="error" onClose={session.dismissError}>
          The run could not be started: {session.startError.message}
        </Alert>
      )}

      {session.runs.length > 0 && (
        <OutlinedSection
          title={`Runs started on this page (${session.runs.length})`}
          id="session-runs-heading"
        >
          <SessionRuns runs={session.runs} shownId={shown} onShow={setShownId} />
        </OutlinedSection>
      )}

      {shown && shownRun && (
        <Box component="section" aria-label={`Run for ${shownRun.subjectLabel}`}>
          <ShownRun
            key={shown}
            runId={shown}
            onRunAgain={() => provision(shownRun.request, shownRun.subjectLabel)}
            runAgainPending={session.starting}
            provisionAnotherHref={anotherHref}
          />
        </Box>
      )}

      {demoMode && <DemoPanel spId={spId} selectedUserId={kind === "user" ? form.userId : null} />}
    </Stack>
  );
}

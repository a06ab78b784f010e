"use client";
import { useState, useSyncExternalStore } from "react";
import dynamic from "next/dynamic";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import PlayArrow from "@mui/icons-material/PlayArrow";
import { provisionHref } from "@/components/apps/app-links";
import { newBulkRunHref } from "@/components/bulk/bulk-links";
import { useCanRunProvisioning } from "@/components/auth";
import { expressionLabHref } from "@/components/expression-lab/lab-url-state";
import { PRESENTER_ENLARGE_CLASS } from "@/components/presenter/presenter-attribute";
import { useDemoMode } from "@/components/public-settings";
import { JobPageHeader } from "@/components/jobs/JobPageHeader";
import { JobStateNotice } from "@/components/jobs/JobStateNotice";
import { useJobPage } from "@/components/jobs/use-job-page";
import { LinkButton } from "@/components/LinkButton";
import { OutlinedSection } from "@/components/OutlinedSection";
import { CopyButton } from "@/components/run-result/CopyButton";
import type { RunRequest } from "@/lib/api/contracts";
import { ExplainedAction } from "./ExplainedAction";
import { chooseRule, effectiveKind, offeredSubjectKinds, provisionReadiness } from "./provision-form";
import { EMPTY_PROVISION_FORM, provisionLinkQuery, type ProvisionFormState } from "./provision-url-state";
import { RuleSection } from "./RuleSection";
import { SessionRuns } from "./SessionRuns";
import { ShownRun } from "./ShownRun";
import { SubjectPicker } from "./SubjectPicker";
import { useProvisionForm } from "./use-provision-form";
import { useSessionRuns } from "./use-session-runs";
import { useSubjectCheck } from "./use-subject-check";
import { useUrlDraft } from "./use-url-draft";

const noSubscription = () => () => {};

// Only demo mode shows the panel, so Entra mode never downloads it.
const DemoPanel = dynamic(() =>
  import("@/components/demo-panel/DemoPanel").then((module) => module.DemoPanel),
);
const ScenarioBanner = dynamic(() =>
  import("@/components/demo-scenarios/ScenarioBanner").then((module) => module.ScenarioBanner),
);

/** Provision on demand for one job: rule, subject, Provision, and the runs of this visit. */
export function ProvisionPage({ spId, jobId }: { spId: string; jobId: string }) {
  const page = useJobPage(spId, jobId);
  const { rules, job } = page;

  const { state, notices, update } = useProvisionForm();
  const choice = chooseRule(rules.data ?? [], state.ruleId);
  const kinds = offeredSubjectKinds(choice.rule, job?.templateId ?? null);
  const kind = effectiveKind(state.kind, kinds);
  // Every change is made on the kind shown, even when the link asked for one this job does not offer.
  const change = (patch: Partial<ProvisionFormState>) => update({ kind, ...patch });
  // The DN as typed, not as the URL has it yet: Provision sends what the box shows.
  const [distinguishedName, setDistinguishedName] = useUrlDraft(state.distinguishedName, (dn) =>
    change({ distinguishedName: dn }),
  );
  const form: ProvisionFormState = { ...state, kind, distinguishedName };

  const readiness = provisionReadiness(form, {
    servicePrincipalId: spId,
    jobId,
    ruleId: choice.rule?.id ?? null,
  });
  // A link's object that does not exist (or is still being looked up) cannot be provisioned.
  const check = useSubjectCheck(form);
  const problem = readiness.problem ?? check.problem;
  const session = useSessionRuns();
  const demoMode = useDemoMode();
  const [shownId, setShownId] = useState<string | null>(null);
  const newest = session.runs[0]?.id ?? null;
  const shown = shownId ?? newest;

  const provision = (request: RunRequest) => {
    setShownId(null);
    session.start(request);
  };
  const permission = useCanRunProvisioning();
  // The button and Enter in a text box do the same, under the same conditions.
  const submit = () => {
    if (problem === null && permission.allowed && readiness.request) provision(readiness.request);
  };
  const anotherHref = provisionHref(
    spId,
    jobId,
    provisionLinkQuery({ ...EMPTY_PROVISION_FORM, ruleId: choice.rule?.id ?? null, kind }),
  );
  const shownRun = session.runs.find((run) => run.id === shown) ?? null;
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const formLink =
    origin &&
    `${origin}${provisionHref(spId, jobId, provisionLinkQuery({ ...form, ruleId: choice.rule?.id ?? null }))}`;

  if (page.missing) {
    return (
      <Stack spacing={3}>
        <JobPageHeader spId={spId} jobId={jobId} page={page} title="Provision on demand" />
      </Stack>
    );
  }

  return (
    <Stack spacing={3}>
      <JobPageHeader spId={spId} jobId={jobId} page={page} title="Provision on demand" />
      {job && <JobStateNotice spId={spId} job={job} />}
      {demoMode && <ScenarioBanner spId={spId} jobId={jobId} place="provision" />}

      {notices.length > 0 && (
        <Alert severity="info">
          {notices.map((notice) => (
            <div key={notice}>{notice}</div>
          ))}
        </Alert>
      )}

      <RuleSection
        headingId="rule-heading"
        rules={rules}
        choice={choice}
        onPick={(ruleId) => change({ ruleId })}
      />

      <OutlinedSection title="2. What to provision" id="subject-heading">
        <SubjectPicker
          kinds={kinds}
          kind={kind}
          state={form}
          update={change}
          onDistinguishedNameChange={setDistinguishedName}
          onSubmit={submit}
          onPremisesLookup={demoMode}
        />
      </OutlinedSection>

      <ExplainedAction
        variant="contained"
        size="large"
        startIcon={<PlayArrow aria-hidden />}
        loading={session.starting}
        explanationId="provision-readiness"
        problem={problem}
        hint={`Provisions ${check.named ?? "just this object"} now, outside the job's schedule. A link to this page never runs anything by itself.`}
        onClick={submit}
        after={
          <>
            <LinkButton variant="outlined" href={newBulkRunHref(spId, jobId, choice.rule?.id ?? null)}>
              Bulk run…
            </LinkButton>
            <LinkButton
              variant="outlined"
              href={expressionLabHref(spId, jobId, { userId: form.kind === "user" ? form.userId : null })}
            >
              Expression lab…
            </LinkButton>
            {formLink && <CopyButton text={formLink} label="Copy link to this form" />}
          </>
        }
      >
        Provision
      </ExplainedAction>
      {check.warning && <Alert severity="warning">{check.warning}</Alert>}
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
        <Box component="section" aria-label="The run shown" className={PRESENTER_ENLARGE_CLASS}>
          <ShownRun
            key={shown}
            runId={shown}
            onRunAgain={() => provision(shownRun.request)}
            runAgainPending={session.starting}
            provisionAnotherHref={anotherHref}
          />
        </Box>
      )}

      {demoMode && (
        <DemoPanel
          spId={spId}
          selectedUserId={kind === "user" ? form.userId : null}
          fromActiveDirectory={kinds.includes("onPremisesUser")}
          selectedDn={kind === "onPremisesUser" ? form.distinguishedName : ""}
        />
      )}
    </Stack>
  );
}

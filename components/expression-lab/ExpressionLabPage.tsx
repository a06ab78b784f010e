"use client";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import NextLink from "next/link";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MuiLink from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import Science from "@mui/icons-material/Science";
import { provisionHref, runHref } from "@/components/apps/app-links";
import { CaptionedTable } from "@/components/CaptionedTable";
import { UserPicker } from "@/components/directory/UserPicker";
import { JobPageHeader } from "@/components/jobs/JobPageHeader";
import { useJobPage } from "@/components/jobs/use-job-page";
import { OutlinedSection } from "@/components/OutlinedSection";
import { CopyButton } from "@/components/run-result/CopyButton";
import type { LabEvaluation, LabMapping } from "@/lib/api/contracts";
import { ExpressionEditor } from "./ExpressionEditor";
import { expressionLabHref, labLinkQuery, parseLabLink, type LabState } from "./lab-url-state";
import { ParsedTree } from "./ParsedTree";
import { evaluateExpression, labQueries } from "./queries";

const noSubscription = () => () => {};

const FROM_WORDS: Record<LabEvaluation["input"][number]["from"], string> = {
  graph: "Microsoft Graph, now",
  run: "the run's Import step",
  typed: "typed here",
  none: "no value",
};

function mappingLabel(mapping: LabMapping): string {
  return `${mapping.targetAttributeName} ← ${mapping.expression ?? `(constant ${JSON.stringify(mapping.defaultValue ?? "")})`}`;
}

function valueText(value: string | string[] | null): string {
  if (value === null) return "";
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The result of one evaluation: Graph's value or its error, the input it was given, the parsed tree. */
function LabResult({
  evaluation,
  typed,
  onType,
}: {
  evaluation: LabEvaluation;
  typed: Record<string, string>;
  onType: (attribute: string, value: string | null) => void;
}) {
  return (
    <Stack spacing={2} role="region" aria-label="Evaluation result">
      {evaluation.error ? (
        <Alert severity="error">
          <AlertTitle>
            {evaluation.parsingSucceeded
              ? "Graph could not evaluate the expression"
              : "Graph could not parse the expression"}
          </AlertTitle>
          <Box component="code" sx={{ overflowWrap: "anywhere" }}>
            {evaluation.error.code ?? "error"}
          </Box>
          : {evaluation.error.message ?? "no message"}
          {evaluation.graphRequestId && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              Graph request id <code>{evaluation.graphRequestId}</code>
            </Typography>
          )}
        </Alert>
      ) : evaluation.evaluationSucceeded ? (
        <Alert severity="success">
          <AlertTitle>Result</AlertTitle>
          {evaluation.result && evaluation.result.length > 0 ? (
            <Box component="ul" aria-label="Result values" sx={{ m: 0, pl: 2.5 }}>
              {evaluation.result.map((value, index) => (
                <li key={index}>
                  <Box component="code" sx={{ overflowWrap: "anywhere" }}>
                    {value ?? "(null)"}
                  </Box>
                </li>
              ))}
            </Box>
          ) : (
            "No value: with this input the mapping gives nothing, so the attribute would not flow."
          )}
        </Alert>
      ) : (
        <Alert severity="info">Graph parsed the expression but did not evaluate it.</Alert>
      )}
      {evaluation.warnings.map((warning) => (
        <Alert severity="warning" key={warning}>
          {warning}
        </Alert>
      ))}
      {evaluation.input.length > 0 && (
        <CaptionedTable
          caption="The input sent to parseExpression"
          headers={["Attribute", "Value", "From", "Try another value"]}
        >
          {evaluation.input.map((row) => (
            <TableRow key={row.attribute}>
              <TableCell component="th" scope="row" sx={{ fontFamily: "monospace" }}>
                [{row.attribute}]
              </TableCell>
              <TableCell sx={{ fontFamily: "monospace" }}>
                {row.value === null ? (
                  <Box
                    component="span"
                    sx={{ fontStyle: "italic", color: "text.secondary", fontFamily: "inherit" }}
                  >
                    no value
                  </Box>
                ) : (
                  valueText(row.value)
                )}
              </TableCell>
              <TableCell>{FROM_WORDS[row.from]}</TableCell>
              <TableCell>
                <TextInput
                  size="small"
                  label={`Value for ${row.attribute}`}
                  value={typed[row.attribute] ?? ""}
                  onChange={(event) =>
                    onType(row.attribute, event.target.value === "" ? null : event.target.value)
                  }
                  helperText={typed[row.attribute] !== undefined ? "Used on the next evaluation." : undefined}
                  sx={{ minWidth: 160 }}
                />
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      )}
      {evaluation.parsedExpression !== null && (
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
            Parsed expression
          </Typography>
          <ParsedTree tree={evaluation.parsedExpression} />
        </Box>
      )}
    </Stack>
  );
}

/**
 * The expression lab: start from a mapping of the job (or blank), edit its expression, and evaluate it
 * against a user's attributes (or a run's import) with Graph's parseExpression. Nothing is written
 * to the target. The session lives in the URL, so its link reopens it.
 */
export function ExpressionLabPage({ spId, jobId }: { spId: string; jobId: string }) {
  const page = useJobPage(spId, jobId);
  const context = useQuery(labQueries.context(spId, jobId));
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const initial = useMemo(() => parseLabLink(new URLSearchParams(searchParams.toString())), [searchParams]);
  const [state, setState] = useState<LabState>(initial.state);
  const notices = initial.notices;

  // The session is written back to the URL as it changes, without asking the server for the page.
  useEffect(() => {
    const query = labLinkQuery(state);
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  }, [state, pathname]);

  const evaluation = useMutation({
    mutationFn: (lab: LabState) =>
      evaluateExpression(spId, jobId, {
        expression: lab.expression,
        ...(lab.runId ? { runId: lab.runId } : lab.userId ? { userId: lab.userId } : {}),
        ...(Object.keys(lab.values).length > 0 ? { values: lab.values } : {}),
      }),
  });
  const evaluate = () => {
    if (state.expression.trim() === "") return;
    evaluation.mutate(state);
  };

  const mappings = context.data?.mappings ?? [];
  const chosen =
    mappings.find(
      (m) =>
        m.targetAttributeName === state.mapping &&
        (state.object === null || m.sourceObjectName === state.object),
    ) ?? null;
  const changed = chosen !== null && chosen.expression !== state.expression;
  const update = (patch: Partial<LabState>) => setState((current) => ({ ...current, ...patch }));
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const shareLink = origin && `${origin}${expressionLabHref(spId, jobId, state)}`;
  const activeDirectory = /active directory/i.test(context.data?.sourceDirectoryName ?? "");

  return (
    <Stack spacing={3}>
      <JobPageHeader
        spId={spId}
        jobId={jobId}
        page={page}
        title="Expression lab"
        trail={[{ label: "Provision on demand", href: provisionHref(spId, jobId) }]}
      />
      <Typography>
        Try an attribute mapping&apos;s expression on a real user before changing the mapping. The lab calls
        Graph&apos;s <code>parseExpression</code>: it parses and evaluates, and writes nothing to the target.
      </Typography>
      {notices.map((notice) => (
        <Alert severity="info" key={notice}>
          {notice}
        </Alert>
      ))}
      {context.isError && (
        <Alert severity="error">The job&apos;s mappings could not be loaded: {context.error.message}</Alert>
      )}
      {context.data?.warnings.map((warning) => (
        <Alert severity="warning" key={warning}>
          {warning}
        </Alert>
      ))}

      <OutlinedSection title="1. The expression" id="lab-expression">
        <Stack spacing={2}>
          <Autocomplete
            options={mappings}
            groupBy={(m) => m.objectMappingName ?? m.sourceObjectName ?? "Mappings"}
            getOptionLabel={mappingLabel}
            isOptionEqualToValue={(a, b) =>
              a.targetAttributeName === b.targetAttributeName && a.sourceObjectName === b.sourceObjectName
            }
            value={chosen}
            loading={context.isPending}
            onChange={(_event, mapping) =>
              mapping
                ? update({
                    mapping: mapping.targetAttributeName,
                    object: mapping.sourceObjectName,
                    expression: mapping.expression ?? "",
                  })
                : update({ mapping: null, object: null })
            }
            renderInput={(params) => (
              <TextInput
                {...params}
                label="Start from a mapping"
                placeholder="A mapping of this job, or none for a blank expression"
              />
            )}
          />
          {chosen && (
            <Typography variant="body2" sx={{ color: "text.secondary" }}>
              {chosen.objectMappingName}: <code>{chosen.targetAttributeName}</code> · {chosen.flow}
              {chosen.defaultValue !== null && ` · default value if empty: “${chosen.defaultValue}”`}
              {changed && " · edited here; the mapping itself is unchanged"}
            </Typography>
          )}
          <ExpressionEditor
            value={state.expression}
            onChange={(expression) => update({ expression })}
            functions={context.data?.functions ?? []}
            onEvaluate={evaluate}
          />
        </Stack>
      </OutlinedSection>

      <OutlinedSection title="2. Evaluate against" id="lab-input">
        <Stack spacing={2}>
          {state.runId ? (
            <Alert
              severity="info"
              action={
                <Button color="inherit" size="small" onClick={() => update({ runId: null })}>
                  Use a user instead
                </Button>
              }
            >
              The values the Import step of{" "}
              <MuiLink component={NextLink} href={runHref(state.runId)}>
                this run
              </MuiLink>{" "}
              read.
            </Alert>
          ) : (
            <UserPicker
              label="User"
              selectedId={state.userId}
              onChange={(user) => update({ userId: user?.id ?? null })}
              helperText={
                activeDirectory
                  ? "The source is Active Directory, which Graph cannot read: open the lab from a run to use its imported values, or type values after a first evaluation."
                  : "The user's attributes are read from Microsoft Graph when you evaluate."
              }
            />
          )}
          <Box sx={{ display: "flex", gap: 1.5, flexWrap: "wrap", alignItems: "center" }}>
            <Button
              variant="contained"
              startIcon={<Science aria-hidden />}
              onClick={evaluate}
              disabled={state.expression.trim() === ""}
              loading={evaluation.isPending}
            >
              Evaluate
            </Button>
            {shareLink && <CopyButton text={shareLink} label="Copy link to this lab session" />}
          </Box>
          {evaluation.isError && (
            <Alert severity="error">The expression could not be evaluated: {evaluation.error.message}</Alert>
          )}
        </Stack>
      </OutlinedSection>

      {evaluation.data && (
        <OutlinedSection title="3. What Graph answered" id="lab-result">
          <LabResult
            evaluation={evaluation.data}
            typed={state.values}
            onType={(attribute, value) => {
              const values = { ...state.values };
              if (value === null) delete values[attribute];
              else values[attribute] = value;
              update({ values });
            }}
          />
        </OutlinedSection>
      )}
    </Stack>
  );
}

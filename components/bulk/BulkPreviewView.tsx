"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { CaptionedTable } from "@/components/CaptionedTable";
import type { BulkPreview, BulkSubject } from "@/lib/api/contracts";
import { estimateInWords, limitsInWords } from "./bulk-limits";
import { firstSubjects } from "./bulk-source";

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

function kindOf(subject: BulkSubject["subject"]): string {
  switch (subject.kind) {
    case "user":
      return "User";
    case "group":
      return `Group with ${plural(subject.memberIds.length, "member")}`;
    case "onPremisesUser":
      return "On-premises user";
  }
}

function Unresolved({ unresolved }: { unresolved: BulkPreview["unresolved"] }) {
  return (
    <Alert severity="warning">
      <AlertTitle>
        {plural(unresolved.length, "entry", "entries")} could not be resolved and will not run
      </AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label="Entries that could not be resolved">
        {unresolved.map((entry, index) => (
          <li key={`${entry.line ?? "group"}-${index}`}>
            {entry.line !== null && <strong>Line {entry.line}: </strong>}
            <Box component="code" sx={{ overflowWrap: "anywhere" }}>
              {entry.input}
            </Box>{" "}
            — {entry.reason}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

/** What a bulk run would do: the objects found, those that were not, and how long it takes at the pace. */
function Warnings({ warnings }: { warnings: readonly string[] }) {
  return (
    <Alert severity="warning">
      <AlertTitle>What the preview can tell will be skipped or is unchecked</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label="Preview warnings">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </Box>
    </Alert>
  );
}

function ObjectCell({ subject }: { subject: BulkSubject }) {
  return (
    <TableCell sx={{ overflowWrap: "break-word", minWidth: "12rem" }}>
      {subject.label}
      {subject.memberNames && subject.memberNames.length > 0 && (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          {subject.memberNames.join(", ")}
        </Typography>
      )}
      {subject.unchecked && (
        <Typography variant="body2" sx={{ color: "text.secondary" }}>
          {subject.unchecked}
        </Typography>
      )}
    </TableCell>
  );
}

export function BulkPreviewView({ preview, stale }: { preview: BulkPreview; stale: boolean }) {
  const { shown, more } = firstSubjects(preview.subjects);
  const calls = preview.subjects.length;
  const unchecked = preview.subjects.filter((subject) => subject.unchecked).length;
  const warnings = preview.warnings ?? [];
  return (
    <Stack spacing={2}>
      <Box role="status">
        <Typography sx={{ fontWeight: 600 }}>
          {plural(calls - unchecked, "object")} resolved
          {unchecked > 0 && `, ${unchecked.toLocaleString("en-US")} not checked`}
          {preview.unresolved.length > 0 &&
            `, ${preview.unresolved.length.toLocaleString("en-US")} not resolved`}
          {preview.duplicates > 0 && `, ${plural(preview.duplicates, "duplicate")} dropped`}.
        </Typography>
      </Box>
      {stale && (
        <Alert severity="info">The objects were changed after this preview. Preview again to start.</Alert>
      )}
      {preview.unresolved.length > 0 && <Unresolved unresolved={preview.unresolved} />}
      {warnings.length > 0 && <Warnings warnings={warnings} />}
      {calls > 0 && (
        <Box>
          <CaptionedTable
            caption={`The ${calls > shown.length ? `first ${shown.length} of ${plural(calls, "object")}` : plural(calls, "object")} in the order they will be sent. Each is one provisionOnDemand call.`}
            headers={[{ label: "#", width: "4rem" }, "Object", "Kind"]}
          >
            {shown.map((subject, index) => (
              <TableRow key={`${index}-${subject.label}`}>
                <TableCell>{index + 1}</TableCell>
                <ObjectCell subject={subject} />
                <TableCell>{kindOf(subject.subject)}</TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
          {more > 0 && (
            <Typography sx={{ mt: 1, color: "text.secondary" }}>
              … and {more.toLocaleString("en-US")} more
            </Typography>
          )}
        </Box>
      )}
      <Typography>
        <strong>Estimated time: </strong>
        {estimateInWords(preview.estimatedMs, calls, preview.limits.pace)}
      </Typography>
      <Typography variant="body2" sx={{ color: "text.secondary" }}>
        {limitsInWords(preview.limits)}
      </Typography>
    </Stack>
  );
}

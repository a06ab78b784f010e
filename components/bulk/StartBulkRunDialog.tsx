"use client";
import { useState } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import PlayArrow from "@mui/icons-material/PlayArrow";
import { appQueries } from "@/components/apps/queries";
import { jobQueries } from "@/components/jobs/queries";
import { newBulkRunHref } from "./bulk-links";

/** The application and job a new bulk run goes to, then its "New bulk run" page. */
function ChooseJob({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const apps = useInfiniteQuery(appQueries.list(""));
  const appList = apps.data?.pages.flatMap((page) => page.items) ?? [];
  const [spId, setSpId] = useState("");
  const jobs = useQuery({ ...jobQueries.list(spId), enabled: spId !== "" });
  const [jobId, setJobId] = useState("");
  const jobList = jobs.data ?? [];
  const chosenJob = jobList.some((job) => job.id === jobId)
    ? jobId
    : jobList.length === 1
      ? jobList[0]!.id
      : "";
  const go = () => {
    if (!spId || !chosenJob) return;
    onClose();
    router.push(newBulkRunHref(spId, chosenJob));
  };
  return (
    <>
      <DialogContent>
        <DialogContentText id="start-bulk-text" sx={{ mb: 2 }}>
          A bulk run provisions many objects on one job, at its pace. Choose the application and the job; the
          next page takes the rule and the objects, and previews them before anything is sent.
        </DialogContentText>
        <Stack
          component="form"
          spacing={2}
          onSubmit={(event) => {
            event.preventDefault();
            go();
          }}
        >
          <TextInput
            select
            label="Application"
            value={spId}
            onChange={(event) => {
              setSpId(event.target.value);
              setJobId("");
            }}
            slotProps={{ inputLabel: { shrink: true } }}
            helperText={apps.isPending ? "Loading the applications…" : undefined}
          >
            <option value="">Choose an application</option>
            {appList.map((app) => (
              <option key={app.id} value={app.id}>
                {app.displayName}
              </option>
            ))}
          </TextInput>
          <TextInput
            select
            label="Job"
            value={chosenJob}
            disabled={!spId}
            onChange={(event) => setJobId(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            helperText={spId && jobs.isPending ? "Loading the jobs…" : undefined}
          >
            <option value="">{spId ? "Choose a job" : "Choose an application first"}</option>
            {jobList.map((job) => (
              <option key={job.id} value={job.id}>
                {job.label}
              </option>
            ))}
          </TextInput>
          {(apps.isError || jobs.isError) && (
            <Alert severity="error">
              {(apps.error ?? jobs.error)?.message ?? "The list could not be loaded."}
            </Alert>
          )}
          {/* Enter in either field continues. */}
          <button type="submit" hidden />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button variant="contained" disabled={!spId || !chosenJob} onClick={go}>
          Continue
        </Button>
      </DialogActions>
    </>
  );
}

/** "/bulk" can start a bulk run: the button asks which job, then opens its New bulk run page. */
export function StartBulkRunButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="contained" startIcon={<PlayArrow aria-hidden />} onClick={() => setOpen(true)}>
        Start a bulk run
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="start-bulk-title"
        aria-describedby="start-bulk-text"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="start-bulk-title">Start a bulk run</DialogTitle>
        {open && <ChooseJob onClose={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

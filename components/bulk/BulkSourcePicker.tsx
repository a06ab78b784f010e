"use client";
import { useRef, useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import UploadFile from "@mui/icons-material/UploadFile";
import { GroupPicker } from "@/components/directory/GroupPicker";
import { GROUP_MEMBERS_PER_CALL } from "@/lib/bulk/limits";
import { csvFileProblem, type BulkSourceForm, type SourceTab } from "./bulk-source";

const TAB_LABELS: Record<SourceTab, string> = {
  lines: "Paste",
  csv: "Upload CSV",
  group: "Group members",
};

function CsvFileField({
  csv,
  onRead,
}: {
  csv: BulkSourceForm["csv"];
  onRead: (csv: BulkSourceForm["csv"]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    const refused = csvFileProblem(file);
    setProblem(refused);
    if (refused) return onRead(null);
    setReading(true);
    try {
      onRead({ fileName: file.name, text: await file.text() });
    } catch (error) {
      setProblem(`${file.name} could not be read: ${(error as Error).message}`);
      onRead(null);
    } finally {
      setReading(false);
      // Choosing the same file again after editing it should read it again.
      if (input.current) input.current.value = "";
    }
  };

  const rows = csv ? csv.text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== "").length : 0;
  return (
    <Stack spacing={1} sx={{ alignItems: "flex-start" }}>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        hidden
        aria-label="CSV file"
        onChange={(event) => void read(event.target.files?.[0])}
      />
      <Button
        variant="outlined"
        startIcon={<UploadFile aria-hidden />}
        onClick={() => input.current?.click()}
        loading={reading}
        aria-describedby="csv-file-status"
      >
        {csv ? "Choose another CSV file" : "Choose a CSV file"}
      </Button>
      <Typography id="csv-file-status" variant="body2" role="status" sx={{ color: "text.secondary" }}>
        {csv ? `${csv.fileName}: ${rows} non-blank line${rows === 1 ? "" : "s"} read.` : "No file chosen."}
      </Typography>
      {problem && (
        <Typography role="alert" variant="body2" sx={{ color: "error.main" }}>
          {problem}
        </Typography>
      )}
      <Typography variant="body2" sx={{ color: "text.secondary" }}>
        The column named id, objectId, userPrincipalName, upn, distinguishedName or dn is read, else the first
        column. The file is read in this browser and sent as text; it is not stored.
      </Typography>
    </Stack>
  );
}

/** Where the objects come from: pasted lines, a CSV file, or a group's members. */
export function BulkSourcePicker({
  form,
  tabs,
  onChange,
}: {
  form: BulkSourceForm;
  /** The tabs the rule allows (a rule that maps no groups has no "Group members"). */
  tabs: readonly SourceTab[];
  onChange: (patch: Partial<BulkSourceForm>) => void;
}) {
  return (
    <Stack spacing={2}>
      <Tabs
        value={form.tab}
        onChange={(_event, tab: SourceTab) => onChange({ tab })}
        aria-label="Where the objects come from"
        variant="scrollable"
        scrollButtons="auto"
        sx={{ borderBottom: 1, borderColor: "divider" }}
      >
        {tabs.map((tab) => (
          <Tab
            key={tab}
            value={tab}
            label={TAB_LABELS[tab]}
            id={`source-tab-${tab}`}
            aria-controls="source-panel"
          />
        ))}
      </Tabs>
      <Box id="source-panel" role="tabpanel" aria-labelledby={`source-tab-${form.tab}`}>
        {form.tab === "lines" && (
          <TextInput
            label="Objects, one a line"
            multiline
            minRows={6}
            maxRows={16}
            fullWidth
            value={form.lines}
            onChange={(event) => onChange({ lines: event.target.value })}
            placeholder={
              "AdeleV@contoso.com\n69bdd931-211b-469b-bd21-0c279cd91efd\nCN=Patti Fernandez,OU=Users,DC=corp,DC=contoso,DC=com"
            }
            helperText="Object ids, user principal names or distinguished names. Blank lines and lines starting with # are skipped."
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: "monospace" } } }}
          />
        )}
        {form.tab === "csv" && <CsvFileField csv={form.csv} onRead={(csv) => onChange({ csv })} />}
        {form.tab === "group" && (
          <Stack spacing={2}>
            <GroupPicker
              selectedId={form.groupId}
              onChange={(group) => onChange({ groupId: group?.id ?? null })}
            />
            <TextInput
              label="Only members whose name or UPN contains (optional)"
              value={form.groupFilter}
              onChange={(event) => onChange({ groupFilter: event.target.value })}
              helperText="Leave empty for all members."
            />
            <Typography variant="body2" sx={{ color: "text.secondary" }}>
              Members go {GROUP_MEMBERS_PER_CALL} to a call: each call provisions the group with up to{" "}
              {GROUP_MEMBERS_PER_CALL} of its members, so a group of 12 members takes{" "}
              {Math.ceil(12 / GROUP_MEMBERS_PER_CALL)} calls.
            </Typography>
          </Stack>
        )}
      </Box>
    </Stack>
  );
}

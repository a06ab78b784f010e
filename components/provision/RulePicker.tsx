"use client";
import Alert from "@mui/material/Alert";
import FormControl from "@mui/material/FormControl";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormLabel from "@mui/material/FormLabel";
import Radio from "@mui/material/Radio";
import RadioGroup from "@mui/material/RadioGroup";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";
import type { RuleSummary } from "@/lib/api/contracts";
import type { RuleChoice } from "./provision-form";

function RuleText({ rule }: { rule: RuleSummary }) {
  return (
    <>
      {/* A rule's name is one long word ("USERGROUP_OUTBOUND_USERGROUP"): it may break anywhere. */}
      <Typography component="span" sx={{ display: "block", fontWeight: 600, overflowWrap: "anywhere" }}>
        {rule.name}
      </Typography>
      <Typography component="span" variant="body2" sx={{ display: "block", color: "text.secondary" }}>
        {rule.sourceDirectoryName} → {rule.targetDirectoryName}
        {rule.objectTypes.length > 0 && ` · maps ${rule.objectTypes.join(", ")}`}
      </Typography>
      <Typography
        component="span"
        variant="body2"
        className={ID_CLASS}
        sx={{ display: "block", color: "text.secondary", fontFamily: "monospace" }}
      >
        {rule.id}
      </Typography>
    </>
  );
}

/** The synchronization rule to provision with: chosen for the user when only one supports it. */
export function RulePicker({ choice, onPick }: { choice: RuleChoice; onPick: (ruleId: string) => void }) {
  const { offered, rule, notice } = choice;
  return (
    <Stack spacing={2}>
      {notice && <Alert severity={offered.length === 0 ? "warning" : "info"}>{notice}</Alert>}
      {offered.length === 1 && rule ? (
        <div>
          <RuleText rule={rule} />
          <Typography variant="body2" sx={{ mt: 1 }}>
            The only rule of this job that supports provision on demand, so it is chosen for you.
          </Typography>
        </div>
      ) : offered.length > 1 ? (
        <FormControl>
          <FormLabel id="rule-picker-label">Rule to provision with</FormLabel>
          <RadioGroup
            aria-labelledby="rule-picker-label"
            value={rule?.id ?? ""}
            onChange={(event) => onPick(event.target.value)}
          >
            {offered.map((candidate) => (
              <FormControlLabel
                key={candidate.id}
                value={candidate.id}
                control={<Radio />}
                label={<RuleText rule={candidate} />}
                sx={{ alignItems: "flex-start", my: 0.5, "& .MuiRadio-root": { mt: -0.5 } }}
              />
            ))}
          </RadioGroup>
        </FormControl>
      ) : null}
    </Stack>
  );
}

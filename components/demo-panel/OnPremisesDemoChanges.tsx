"use client";
import { useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import {
  ACCOUNT_CONTROL,
  nameOfDistinguishedName,
  ON_PREMISES_ATTRIBUTES,
  onPremisesChange,
  type OnPremisesAttribute,
} from "./on-premises-change";
import { demoControls } from "./queries";

/**
 * For a Cloud Sync job (AD → Entra ID): changes on the AD side, which the next provision by
 * distinguished name carries to Entra ID. `act` runs a change and confirms it in words.
 */
export function OnPremisesDemoChanges({
  selectedDn,
  busy,
  act,
}: {
  selectedDn: string;
  busy: boolean;
  act: (run: () => Promise<unknown>, done: string) => void;
}) {
  const [typedDn, setTypedDn] = useState<string | null>(null);
  const dn = (typedDn ?? selectedDn).trim();
  const name = nameOfDistinguishedName(dn);
  const [attribute, setAttribute] = useState<OnPremisesAttribute>("title");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const noUser = !dn.includes("=");

  const changeAttribute = () => {
    const change = onPremisesChange(attribute, value);
    setProblem(change.problem);
    if (!change.changes || noUser) return;
    const changes = change.changes;
    const label = ON_PREMISES_ATTRIBUTES[attribute].toLowerCase();
    const newValue = changes[attribute] ?? null;
    act(
      () => demoControls.changeOnPremisesUser(dn, changes),
      newValue === null
        ? `Removed ${name}'s ${label} in Active Directory. Provision by distinguished name to sync it.`
        : `${name}'s ${label} in Active Directory is now "${newValue}". Provision by distinguished name to sync it.`,
    );
  };
  const account = (enabled: boolean) =>
    act(
      () =>
        demoControls.changeOnPremisesUser(dn, {
          userAccountControl: enabled ? ACCOUNT_CONTROL.enabled : ACCOUNT_CONTROL.disabled,
        }),
      `${enabled ? "Enabled" : "Disabled"} ${name}'s account in Active Directory.`,
    );

  return (
    <Stack spacing={3}>
      <TextInput
        label="AD user to change (distinguished name)"
        value={typedDn ?? selectedDn}
        onChange={(event) => setTypedDn(event.target.value)}
        helperText={
          typedDn === null && selectedDn
            ? "The user chosen in the form above."
            : "The distinguished name of a user in the demo forest's Active Directory."
        }
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: "monospace" } } }}
        fullWidth
      />
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
          Change an attribute in Active Directory
        </Typography>
        <Stack direction={{ xs: "column", sm: "row" }} sx={{ gap: 2, alignItems: { sm: "flex-start" } }}>
          <TextInput
            select
            label="AD attribute"
            value={attribute}
            onChange={(event) => setAttribute(event.target.value as OnPremisesAttribute)}
            sx={{ minWidth: 200 }}
          >
            {Object.entries(ON_PREMISES_ATTRIBUTES).map(([ldapName, label]) => (
              <option key={ldapName} value={ldapName}>
                {label} ({ldapName})
              </option>
            ))}
          </TextInput>
          <TextInput
            label="New value in AD"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !noUser && !busy) changeAttribute();
            }}
            error={problem !== null}
            helperText={problem ?? "Empty removes the attribute from the AD user."}
            sx={{ flex: 1 }}
          />
          <Button
            variant="outlined"
            onClick={changeAttribute}
            disabled={noUser || busy}
            sx={{ height: { sm: 56 } }}
          >
            Change in AD
          </Button>
        </Stack>
      </Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
          Account in Active Directory
        </Typography>
        <Stack direction="row" sx={{ gap: 1.5, flexWrap: "wrap" }}>
          <Button variant="outlined" disabled={noUser || busy} onClick={() => account(false)}>
            Disable in AD
          </Button>
          <Button variant="outlined" disabled={noUser || busy} onClick={() => account(true)}>
            Enable in AD
          </Button>
        </Stack>
        {noUser && (
          <Typography variant="body2" sx={{ color: "text.secondary", mt: 1 }}>
            Choose an AD user in the form above (or type a distinguished name here) to change them.
          </Typography>
        )}
      </Box>
    </Stack>
  );
}

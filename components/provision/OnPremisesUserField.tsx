"use client";
import { useEffect, useRef, useState } from "react";
import TextField from "@mui/material/TextField";
import { distinguishedNameProblem } from "@/lib/provisioning/distinguished-name";
import { useDebouncedValue } from "@/components/directory/use-debounced-value";

const EXAMPLE = "CN=Adele Vance,OU=Users,DC=corp,DC=contoso,DC=com";

/** The on-premises user's distinguished name, checked as it is typed; the URL follows after a pause. */
export function OnPremisesUserField({ value, onChange }: { value: string; onChange: (dn: string) => void }) {
  const [text, setText] = useState(value);
  const [touched, setTouched] = useState(value !== "");
  const settled = useDebouncedValue(text, 300);
  const lastSent = useRef(value);

  useEffect(() => {
    if (settled === lastSent.current) return;
    lastSent.current = settled;
    onChange(settled);
  }, [settled, onChange]);
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  const problem = text.trim()
    ? distinguishedNameProblem(text.trim())
    : touched
      ? "Enter the user's distinguished name."
      : null;
  return (
    <TextField
      label="Distinguished name"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => setTouched(true)}
      error={touched && problem !== null}
      helperText={touched && problem ? problem : `As in Active Directory, e.g. ${EXAMPLE}`}
      placeholder={EXAMPLE}
      fullWidth
      slotProps={{
        htmlInput: {
          spellCheck: false,
          autoCapitalize: "off",
          autoCorrect: "off",
          style: { fontFamily: "monospace" },
        },
      }}
    />
  );
}

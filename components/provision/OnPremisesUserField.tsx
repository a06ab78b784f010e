"use client";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import { TextInput, type TextInputProps } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import type { OnPremisesUserMatch } from "@/lib/api/contracts";
import { distinguishedNameProblem } from "@/lib/provisioning/distinguished-name";
import { useCurrentSearch } from "@/components/directory/use-current-search";
import { useKeyboardPick, type AutocompleteKeyboardEvent } from "@/components/directory/use-keyboard-pick";
import { DEMO_EXAMPLE_DN, FORMAT_EXAMPLE_DN } from "./on-premises-examples";
import { onPremisesQueries } from "./queries";

export interface OnPremisesUserFieldProps {
  /** The text in the box: what Provision sends. */
  value: string;
  onChange: (dn: string) => void;
  /** Enter in the box: provision, when the form is ready. */
  onSubmit: () => void;
  /** Demo mode: the demo forest's Active Directory can be searched by name. */
  lookup: boolean;
}

const INPUT_PROPS = {
  spellCheck: false,
  autoCapitalize: "off",
  autoCorrect: "off",
  style: { fontFamily: "monospace" },
} as const;

/** What is wrong with the text as typed (checked at every keystroke), or null. */
function problemOf(value: string, touched: boolean): string | null {
  const dn = value.trim();
  if (dn) return distinguishedNameProblem(dn);
  return touched ? "Enter the user's distinguished name." : null;
}

/**
 * The on-premises user's distinguished name, checked as it is typed; Enter provisions. In demo mode
 * a name typed here finds the user in the demo forest; in Entra mode the console says where DNs are
 * found, since Active Directory lives on premises and Graph cannot list it.
 */
export function OnPremisesUserField(props: OnPremisesUserFieldProps) {
  const [touched, setTouched] = useState(props.value !== "");
  // In demo mode text without "=" is a name being looked up, not a malformed DN.
  const searchingByName = props.lookup && props.value.trim() !== "" && !props.value.includes("=");
  const problem = searchingByName ? null : problemOf(props.value, touched);
  const fieldProps: TextInputProps = {
    label: "Distinguished name",
    error: problem !== null,
    fullWidth: true,
    onBlur: () => setTouched(true),
    placeholder: props.lookup ? DEMO_EXAMPLE_DN : FORMAT_EXAMPLE_DN,
  };
  const hint: ReactNode = searchingByName ? (
    <>Searching the demo forest by name: pick the user to put their distinguished name in the box.</>
  ) : props.lookup ? (
    <>
      Type a name to find the user in the demo forest&apos;s Active Directory, or the whole DN, e.g.{" "}
      <code>{DEMO_EXAMPLE_DN}</code>. Enter provisions.
    </>
  ) : (
    <>
      Distinguished names live in your on-premises Active Directory, which the console cannot list. Copy it
      from Active Directory Users and Computers (the user&apos;s Attribute Editor,{" "}
      <code>distinguishedName</code>) or from{" "}
      <code>Get-ADUser -Identity &lt;sAMAccountName&gt; | Select-Object DistinguishedName</code>, e.g.{" "}
      <code>{FORMAT_EXAMPLE_DN}</code>. Enter provisions.
    </>
  );
  const helperText = problem ? (
    <Box component="span" role="alert">
      {problem}
    </Box>
  ) : (
    hint
  );

  if (!props.lookup) {
    return (
      <TextInput
        {...fieldProps}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          props.onSubmit();
        }}
        helperText={helperText}
        slotProps={{ htmlInput: INPUT_PROPS }}
      />
    );
  }
  return <DemoForestLookup {...props} fieldProps={fieldProps} helperText={helperText} />;
}

const MIN_SEARCH = 2;

/** Demo mode: the DN box also searches the demo forest by name; picking a user puts their DN in the box. */
function DemoForestLookup({
  value,
  onChange,
  onSubmit,
  fieldProps,
  helperText,
}: OnPremisesUserFieldProps & { fieldProps: TextInputProps; helperText: ReactNode }) {
  const [open, setOpen] = useState(false);
  const highlighted = useRef<OnPremisesUserMatch | null>(null);
  const typed = value.trim();
  const results = useCurrentSearch(typed, onPremisesQueries.users, open && typed.length >= MIN_SEARCH);
  // A name in the box is a look-up: ↓/↑/Enter pick from that name's own suggestions, even when
  // pressed before they arrive. A DN in the box is what Enter provisions.
  const keys = useKeyboardPick({
    typed,
    options: typed.length >= MIN_SEARCH ? results.options : [],
    searching: results.searching,
    onPick: (picked: OnPremisesUserMatch) => {
      onChange(picked.distinguishedName);
      setOpen(false);
    },
  });

  return (
    <Autocomplete<OnPremisesUserMatch, false, false, true>
      freeSolo
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={null}
      onChange={(_event, picked) => {
        if (picked && typeof picked !== "string") onChange(picked.distinguishedName);
      }}
      inputValue={value}
      onInputChange={(_event, text) => onChange(text)}
      onHighlightChange={(event, option) => {
        highlighted.current = option;
        keys.onHighlightChange(event, option);
      }}
      onKeyDown={(event: AutocompleteKeyboardEvent) => {
        // Enter picks a highlighted user; a DN in the box is provisioned, as shown; a name is looked up.
        const pickingHighlighted = open && highlighted.current !== null;
        if (event.key === "Enter" && !pickingHighlighted && distinguishedNameProblem(typed) === null) {
          event.defaultMuiPrevented = true;
          event.preventDefault();
          setOpen(false);
          onSubmit();
          return;
        }
        keys.onKeyDown(event);
      }}
      options={typed.length >= MIN_SEARCH ? results.options : []}
      filterOptions={(all) => all}
      getOptionLabel={(option) => (typeof option === "string" ? option : option.distinguishedName)}
      loading={results.searching}
      loadingText="Searching the demo forest…"
      noOptionsText={
        results.error
          ? `The search failed: ${results.error.message}`
          : "No user of the demo forest matches. Try part of the name."
      }
      renderOption={({ key, ...optionProps }, user) => (
        <Box component="li" key={key ?? user.distinguishedName} {...optionProps}>
          <Box sx={{ minWidth: 0 }}>
            <Typography>
              {user.displayName}
              <Typography component="span" variant="body2" sx={{ color: "text.secondary", ml: 1 }}>
                {user.inEntra ? "already in Entra ID" : "only in Active Directory"}
              </Typography>
            </Typography>
            <Typography
              variant="body2"
              sx={{ color: "text.secondary", fontFamily: "monospace", overflowWrap: "anywhere" }}
            >
              {user.distinguishedName}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextInput
          {...params}
          {...fieldProps}
          helperText={helperText}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, ...INPUT_PROPS },
          }}
        />
      )}
    />
  );
}

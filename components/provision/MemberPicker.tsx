"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import type { GroupMemberSummary } from "@/lib/api/contracts";
import { directoryQueries } from "@/components/directory/queries";
import { useDebouncedValue } from "@/components/directory/use-debounced-value";
import { MAX_GROUP_MEMBERS } from "@/lib/provisioning/limits";
import { changeMembers } from "./provision-form";

/** Pick 1–5 members of a group, searching its members; a sixth is refused with the reason. */
export function MemberPicker(props: {
  groupId: string;
  selectedIds: string[];
  onChange: (memberIds: string[]) => void;
}) {
  const { groupId, selectedIds, onChange } = props;
  const [inputValue, setInputValue] = useState("");
  const [open, setOpen] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [picked, setPicked] = useState<Record<string, GroupMemberSummary>>({});

  const settled = useDebouncedValue(inputValue.trim(), 250);
  const results = useQuery({ ...directoryQueries.members(groupId, settled), enabled: open });
  // The unfiltered first page names members that came in by link, without a request per id.
  const firstPage = useQuery({ ...directoryQueries.members(groupId, ""), enabled: selectedIds.length > 0 });
  const value = selectedIds.map(
    (id) =>
      picked[id] ??
      firstPage.data?.find((member) => member.id === id) ?? { id, displayName: id, userPrincipalName: "" },
  );

  const count = `${selectedIds.length} of at most ${MAX_GROUP_MEMBERS} members picked.`;
  return (
    <Autocomplete<GroupMemberSummary, true, false, false>
      multiple
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={value}
      onChange={(_event, next) => {
        const change = changeMembers(
          selectedIds,
          next.map((member) => member.id),
        );
        setRefused(change.refused);
        if (change.refused) return;
        setPicked((known) => ({
          ...known,
          ...Object.fromEntries(next.map((member) => [member.id, member])),
        }));
        onChange(change.memberIds);
      }}
      inputValue={inputValue}
      onInputChange={(_event, text, reason) => {
        // Keep the search text after a pick, so several members of one search can be added in a row.
        if (reason !== "reset") setInputValue(text);
      }}
      options={results.data ?? []}
      filterOptions={(all) => all}
      getOptionLabel={(member) => member.displayName}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      disableCloseOnSelect
      autoHighlight
      handleHomeEndKeys
      loading={results.isFetching}
      loadingText="Searching the group's members…"
      noOptionsText={
        results.isError
          ? `The search failed: ${results.error.message}`
          : settled
            ? "No member of this group matches."
            : "This group has no members."
      }
      renderOption={({ key, ...optionProps }, member) => (
        <Box component="li" key={key ?? member.id} {...optionProps}>
          <Box sx={{ minWidth: 0 }}>
            <Typography>{member.displayName}</Typography>
            {member.userPrincipalName && (
              <Typography variant="body2" sx={{ color: "text.secondary", overflowWrap: "anywhere" }}>
                {member.userPrincipalName}
              </Typography>
            )}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Members to provision with the group"
          placeholder={selectedIds.length < MAX_GROUP_MEMBERS ? "Search the group's members" : undefined}
          error={refused !== null}
          helperText={
            refused ? (
              <Box component="span" role="alert">
                {refused}
              </Box>
            ) : (
              count
            )
          }
        />
      )}
    />
  );
}

"use client";
import { useState } from "react";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import type { DirectoryUserSummary, GroupMemberSummary } from "@/lib/api/contracts";
import { directoryQueries } from "@/components/directory/queries";
import { useCurrentSearch } from "@/components/directory/use-current-search";
import { useKeyboardPick } from "@/components/directory/use-keyboard-pick";
import { MAX_GROUP_MEMBERS } from "@/lib/provisioning/limits";
import { changeMembers, memberNotFoundText } from "./provision-form";

/**
 * Pick 1–5 members of a group, searching its members; a sixth is refused with the reason. As in the
 * user picker, only the typed text's own suggestions are offered, and keys pressed early wait for them.
 */
export function MemberPicker(props: {
  groupId: string;
  selectedIds: string[];
  onChange: (memberIds: string[]) => void;
}) {
  const { groupId, selectedIds, onChange } = props;
  const [inputValue, setInputValue] = useState("");
  const [open, setOpen] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const typed = inputValue.trim();
  const search = (text: string) => directoryQueries.members(groupId, text);
  const results = useCurrentSearch(typed, search, open);
  // Members are named by a look-up of their id (a pick fills it in), which also says when a link's id names nobody.
  const lookups = useQueries({ queries: selectedIds.map((id) => directoryQueries.user(id)) });
  const missing = new Set(selectedIds.filter((_id, index) => lookups[index]?.data === null));
  const value: GroupMemberSummary[] = selectedIds.map((id, index) => {
    const known = lookups[index]?.data;
    if (known) return { id, displayName: known.displayName, userPrincipalName: known.userPrincipalName };
    return {
      id,
      displayName: missing.has(id) ? `Unknown id ${id}` : lookups[index]?.isPending ? "Looking up…" : id,
      userPrincipalName: "",
    };
  });

  const change = (next: GroupMemberSummary[]) => {
    const changed = changeMembers(
      selectedIds,
      next.map((member) => member.id),
    );
    setRefused(changed.refused);
    if (changed.refused) return;
    for (const member of next) {
      const key = directoryQueries.user(member.id).queryKey;
      if (queryClient.getQueryData(key)) continue;
      // A member found by the search exists, so the page need not ask for it again.
      const found: DirectoryUserSummary = { ...member, mail: null, deletedDateTime: null };
      queryClient.setQueryData(key, found);
    }
    onChange(changed.memberIds);
  };
  const keys = useKeyboardPick({
    typed,
    options: results.options,
    searching: results.searching,
    onPick: (member: GroupMemberSummary) => {
      if (!selectedIds.includes(member.id)) change([...value, member]);
    },
  });

  const count = `${selectedIds.length} of at most ${MAX_GROUP_MEMBERS} members picked.`;
  const unknown = [...missing];
  return (
    <Autocomplete<GroupMemberSummary, true, false, false>
      multiple
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={value}
      onChange={(_event, next) => change(next)}
      inputValue={inputValue}
      onInputChange={(_event, text, reason) => {
        // Keep the search text after a pick, so several members of one search can be added in a row.
        if (reason !== "reset") setInputValue(text);
      }}
      onKeyDown={keys.onKeyDown}
      onHighlightChange={keys.onHighlightChange}
      options={results.options}
      filterOptions={(all) => all}
      getOptionLabel={(member) => member.displayName}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      disableCloseOnSelect
      handleHomeEndKeys
      loading={results.searching}
      loadingText="Searching the group's members…"
      noOptionsText={
        results.error
          ? `The search failed: ${results.error.message}`
          : typed
            ? "No member of this group matches."
            : "This group has no members."
      }
      renderValue={(members, getItemProps) =>
        members.map((member, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          const notFound = missing.has(member.id);
          return (
            <Chip
              key={key}
              {...itemProps}
              label={member.displayName}
              color={notFound ? "error" : "default"}
              variant={notFound ? "outlined" : "filled"}
            />
          );
        })
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
        <TextInput
          {...params}
          label="Members to provision with the group"
          placeholder={selectedIds.length < MAX_GROUP_MEMBERS ? "Search the group's members" : undefined}
          error={refused !== null || unknown.length > 0}
          helperText={
            refused || unknown.length > 0 ? (
              <Box component="span" role="alert">
                {refused ?? `${memberNotFoundText(unknown)} Remove it and pick a member by name.`}
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

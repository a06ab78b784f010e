"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import CircularProgress from "@mui/material/CircularProgress";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { useDebouncedValue } from "@/components/directory/use-debounced-value";
import { TextInput } from "@/components/TextInput";
import type { UserSearchItem } from "@/lib/api/contracts";
import { userQueries } from "./queries";
import {
  NOTICE_SX,
  SearchAdornment,
  SEARCH_BOX_WIDTH,
  SEARCH_INPUT_SX,
  SEARCH_PLACEHOLDER,
  type UserSearchState,
} from "./search-box-look";
import { userHref } from "./user-links";

const detailOf = (user: UserSearchItem) =>
  [user.userPrincipalName || user.mail, user.softDeleted ? "soft-deleted" : null].filter(Boolean).join(" · ");

/**
 * The search box with its suggestions, which follow the typing (debounced, never those of an
 * older search). Takes over from the plain box with what was typed there, and its focus.
 */
export default function UserSearchSuggestions({
  text,
  setText,
  notice,
  setNotice,
  submit,
  go,
  autoFocus,
}: UserSearchState & { autoFocus: boolean }) {
  const [open, setOpen] = useState(autoFocus && text.trim() !== "");
  const typed = text.trim();
  const settled = useDebouncedValue(typed, 250);
  const results = useQuery({ ...userQueries.search(settled), enabled: open && settled !== "" });
  // While the typing has not settled, the suggestions of older text are not offered.
  const current = settled === typed && !results.isPlaceholderData;
  const options = current ? (results.data ?? []) : [];

  // Taking over from the plain box while it had the focus: the caret goes on after what was typed.
  const input = useRef<HTMLInputElement | null>(null);
  useLayoutEffect(() => {
    if (!autoFocus || !input.current) return;
    const end = input.current.value.length;
    input.current.focus();
    input.current.setSelectionRange(end, end);
    // Only when taking over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const leave = (href: string) => {
    setOpen(false);
    go(href);
  };

  return (
    <Box sx={{ position: "relative" }}>
      <Autocomplete<UserSearchItem, false, false, true>
        freeSolo
        open={open && typed !== ""}
        onOpen={() => setOpen(true)}
        onClose={() => setOpen(false)}
        value={null}
        inputValue={text}
        onInputChange={(_event, value, reason) => {
          if (reason === "reset") return;
          setText(value);
          setNotice(null);
        }}
        onChange={(_event, picked) => {
          if (picked === null) return;
          if (typeof picked === "string") void submit(picked).then(() => setOpen(true));
          else leave(userHref(picked.id));
        }}
        options={options}
        filterOptions={(all) => all}
        getOptionLabel={(user) => (typeof user === "string" ? user : user.displayName)}
        loading={typed !== "" && (!current || results.isFetching)}
        loadingText="Searching…"
        noOptionsText={
          results.isError ? `The search failed: ${results.error.message}` : (notice ?? "No user matches.")
        }
        clearOnBlur={false}
        handleHomeEndKeys
        sx={{ width: SEARCH_BOX_WIDTH }}
        renderOption={({ key, ...optionProps }, user) => (
          <Box component="li" key={key ?? user.id} {...optionProps}>
            <Box sx={{ minWidth: 0 }}>
              <Typography>{user.displayName}</Typography>
              <Typography variant="body2" sx={{ color: "text.secondary", overflowWrap: "anywhere" }}>
                {detailOf(user)}
              </Typography>
            </Box>
          </Box>
        )}
        renderInput={(params) => (
          <TextInput
            {...params}
            size="small"
            inputRef={input}
            placeholder={SEARCH_PLACEHOLDER}
            slotProps={{
              ...params.slotProps,
              htmlInput: { ...params.slotProps.htmlInput, "aria-label": "Find a person" },
              input: {
                ...params.slotProps.input,
                startAdornment: <SearchAdornment />,
                endAdornment: (
                  <>
                    {typed !== "" && results.isFetching ? (
                      <CircularProgress color="inherit" size={16} aria-label="Searching" />
                    ) : null}
                    {params.slotProps.input.endAdornment}
                  </>
                ),
              },
            }}
            sx={SEARCH_INPUT_SX}
          />
        )}
      />
      {/* A free-text box shows no "no options" line of its own: what Enter found is said here. */}
      <Box role="status" aria-live="polite">
        {(notice || (open && results.isError)) && (
          <Paper elevation={4} sx={NOTICE_SX}>
            <Typography variant="body2">
              {results.isError && open ? `The search failed: ${results.error.message}` : notice}
            </Typography>
          </Paper>
        )}
      </Box>
    </Box>
  );
}

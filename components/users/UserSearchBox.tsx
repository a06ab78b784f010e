"use client";
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import CircularProgress from "@mui/material/CircularProgress";
import InputAdornment from "@mui/material/InputAdornment";
import TextField from "@mui/material/TextField";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import PersonSearch from "@mui/icons-material/PersonSearch";
import { useDebouncedValue } from "@/components/directory/use-debounced-value";
import type { UserSearchItem } from "@/lib/api/contracts";
import { userQueries } from "./queries";
import { directTarget, userHref } from "./user-links";

const detailOf = (user: UserSearchItem) =>
  [user.userPrincipalName || user.mail, user.softDeleted ? "soft-deleted" : null].filter(Boolean).join(" · ");

/**
 * The app bar's way to a user: type a name, UPN, mail or object id. Suggestions follow the typing
 * (debounced, never those of an older search); Enter opens an id or address at once, or the only match.
 */
export function UserSearchBox() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const typed = text.trim();
  const settled = useDebouncedValue(typed, 250);
  const results = useQuery({ ...userQueries.search(settled), enabled: open && settled !== "" });
  // While the typing has not settled, the suggestions of older text are not offered.
  const current = settled === typed && !results.isPlaceholderData;
  const options = current ? (results.data ?? []) : [];

  const go = (href: string) => {
    setText("");
    setOpen(false);
    setNotice(null);
    router.push(href);
  };

  async function submit(entered: string) {
    const direct = directTarget(entered);
    if (direct) return go(direct);
    const term = entered.trim();
    if (term === "") return;
    const found = await queryClient.fetchQuery(userQueries.search(term)).catch(() => null);
    const items = found?.items ?? [];
    if (items.length === 1) return go(userHref(items[0]!.id));
    setNotice(items.length === 0 ? `No user matches “${term}”.` : `${items.length} users match; pick one.`);
    setOpen(true);
  }

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
          if (typeof picked === "string") void submit(picked);
          else go(userHref(picked.id));
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
        sx={{ width: "100%" }}
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
          <TextField
            {...params}
            size="small"
            placeholder="Find a person: name, UPN, mail or id"
            slotProps={{
              ...params.slotProps,
              htmlInput: { ...params.slotProps.htmlInput, "aria-label": "Find a person" },
              input: {
                ...params.slotProps.input,
                startAdornment: (
                  <InputAdornment position="start">
                    <PersonSearch fontSize="small" aria-hidden />
                  </InputAdornment>
                ),
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
            sx={{
              bgcolor: "background.paper",
              borderRadius: 1,
              "& .MuiInputBase-root": { color: "text.primary" },
            }}
          />
        )}
      />
      {/* A free-text box shows no "no options" line of its own: what Enter found is said here. */}
      <Box role="status" aria-live="polite">
        {(notice || (open && results.isError)) && (
          <Paper
            elevation={4}
            sx={{
              position: "absolute",
              top: "100%",
              left: 0,
              right: 0,
              mt: 0.5,
              p: 1.5,
              zIndex: "modal",
              color: "text.primary",
            }}
          >
            <Typography variant="body2">
              {results.isError && open ? `The search failed: ${results.error.message}` : notice}
            </Typography>
          </Paper>
        )}
      </Box>
    </Box>
  );
}

"use client";
import { useState, type ComponentType } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { TextInput } from "@/components/TextInput";
import { userQueries } from "./queries";
import {
  NOTICE_SX,
  SearchAdornment,
  SEARCH_BOX_WIDTH,
  SEARCH_INPUT_SX,
  SEARCH_PLACEHOLDER,
  type UserSearchState,
} from "./search-box-look";
import { directTarget, userHref } from "./user-links";

type Suggestions = ComponentType<UserSearchState & { autoFocus: boolean }>;

// The suggestions (MUI's Autocomplete, its popper and list) are loaded when the box is first
// pointed at or focused, not with every page: most visits never search.
let loading: Promise<Suggestions> | null = null;
const loadSuggestions = () =>
  (loading ??= import("./UserSearchSuggestions").then((module) => module.default));

/**
 * The app bar's way to a user: type a name, UPN, mail or object id. Until the suggestions are
 * loaded the same box takes the typing and Enter; they then take over with what was typed.
 */
export function UserSearchBox() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [Suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [focused, setFocused] = useState(false);

  const go = (href: string) => {
    setText("");
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
  }
  const state: UserSearchState = { text, setText, notice, setNotice, submit, go };
  // Swapped in once loaded, in one render: the plain box keeps the typing until that moment, and
  // the suggestions take the focus before the next key can arrive.
  const want = () =>
    void loadSuggestions().then(
      (loaded) => setSuggestions(() => loaded),
      () => undefined, // the plain box still searches on Enter
    );

  const plainBox = (
    <Box
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(text);
      }}
      sx={{ position: "relative" }}
    >
      <TextInput
        size="small"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setNotice(null);
        }}
        onFocus={() => {
          setFocused(true);
          want();
        }}
        onBlur={() => setFocused(false)}
        placeholder={SEARCH_PLACEHOLDER}
        sx={{ ...SEARCH_INPUT_SX, width: SEARCH_BOX_WIDTH }}
        slotProps={{
          htmlInput: {
            "aria-label": "Find a person",
            role: "combobox",
            "aria-expanded": false,
            "aria-autocomplete": "list",
            autoComplete: "off",
          },
          input: { startAdornment: <SearchAdornment /> },
        }}
      />
      <Box role="status" aria-live="polite">
        {notice && (
          <Paper elevation={4} sx={NOTICE_SX}>
            <Typography variant="body2">{notice}</Typography>
          </Paper>
        )}
      </Box>
    </Box>
  );

  return (
    <Box onPointerEnter={want}>{Suggestions ? <Suggestions {...state} autoFocus={focused} /> : plainBox}</Box>
  );
}

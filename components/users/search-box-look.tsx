import InputAdornment from "@mui/material/InputAdornment";
import PersonSearch from "@mui/icons-material/PersonSearch";

// What the app bar's search box looks like, before and after its suggestions are loaded.

export const SEARCH_PLACEHOLDER = "Find a person: name, UPN, mail or id";

// The app bar decides how wide the box is (wider in its menu on a narrow window).
export const SEARCH_BOX_WIDTH = "100%";

/** The outlined input's look on the app bar. */
export const SEARCH_INPUT_SX = {
  bgcolor: "background.paper",
  borderRadius: 1,
  "& .MuiInputBase-root": { color: "text.primary" },
} as const;

export function SearchAdornment() {
  return (
    <InputAdornment position="start">
      <PersonSearch fontSize="small" aria-hidden />
    </InputAdornment>
  );
}

/** Where the box says what Enter found (or that the search failed). */
export const NOTICE_SX = {
  position: "absolute",
  top: "100%",
  left: 0,
  right: 0,
  mt: 0.5,
  p: 1.5,
  zIndex: "modal",
  color: "text.primary",
} as const;

export interface UserSearchState {
  text: string;
  setText: (text: string) => void;
  notice: string | null;
  setNotice: (notice: string | null) => void;
  /** Enter on text: an id or address opens at once, else the only match; otherwise says why not. */
  submit: (entered: string) => Promise<void>;
  /** Opens a user's page and empties the box. */
  go: (href: string) => void;
}

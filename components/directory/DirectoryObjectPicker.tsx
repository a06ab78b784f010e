"use client";
import { useCallback, useState, type ReactNode } from "react";
import { useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import CircularProgress from "@mui/material/CircularProgress";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import { useCurrentSearch, type SearchOptions } from "./use-current-search";
import { useKeyboardPick } from "./use-keyboard-pick";

export interface DirectoryObject {
  id: string;
  displayName: string;
}

export interface DirectoryObjectPickerProps<
  T extends DirectoryObject,
  SearchKey extends QueryKey,
  IdKey extends QueryKey,
> {
  label: string;
  /** The picked object's id (from the URL); null when nothing is picked. */
  selectedId: string | null;
  onChange: (picked: T | null) => void;
  search: SearchOptions<T, SearchKey>;
  /** One object by id; null when the directory has none. */
  byId: (id: string) => UseQueryOptions<T | null, Error, T | null, IdKey>;
  /** A second line under the name, e.g. the UPN. */
  detail?: (object: T) => string | null;
  /** What to say when the id from a link names no object, e.g. "No user has the id …". */
  notFound: (id: string) => string;
  placeholder: string;
  noMatchText: string;
  helperText?: ReactNode;
  autoFocus?: boolean;
}

/**
 * Type-ahead over one kind of directory object. Suggestions are only ever those of the text in the
 * box (while its search is on its way the list says "Searching…"), keys pressed early wait for
 * them, and the picked object is named under the box, apart from the suggestions.
 */
export function DirectoryObjectPicker<
  T extends DirectoryObject,
  SearchKey extends QueryKey,
  IdKey extends QueryKey,
>(props: DirectoryObjectPickerProps<T, SearchKey, IdKey>) {
  const { selectedId, onChange, search, byId, detail } = props;
  const queryClient = useQueryClient();
  const [inputValue, setInputValue] = useState("");
  const [open, setOpen] = useState(false);

  const resolved = useQuery({ ...byId(selectedId ?? ""), enabled: selectedId !== null });
  const missing = selectedId !== null && resolved.isSuccess && resolved.data === null;
  const value: T | null =
    selectedId === null || missing
      ? null
      : (resolved.data ??
        ({ id: selectedId, displayName: resolved.isPending ? "Looking up…" : selectedId } as T));

  // After a pick the box shows the picked name; that name is not a new search.
  const typed = value !== null && inputValue === value.displayName ? "" : inputValue.trim();
  const results = useCurrentSearch(typed, search, open);

  const pick = useCallback(
    (picked: T | null) => {
      // Seeding the by-id cache lets the page name the pick without another request.
      if (picked) queryClient.setQueryData<T | null>(byId(picked.id).queryKey, picked);
      onChange(picked);
    },
    [queryClient, byId, onChange],
  );
  const keys = useKeyboardPick({
    typed,
    options: results.options,
    searching: results.searching,
    onPick: (picked: T) => {
      pick(picked);
      setInputValue(picked.displayName);
      setOpen(false);
    },
  });

  const chosen = value && !missing && resolved.isSuccess ? value : null;
  const problem = missing
    ? props.notFound(selectedId)
    : resolved.isError
      ? `The ${props.label.toLowerCase()} in the link could not be looked up: ${resolved.error.message}`
      : null;

  return (
    <Autocomplete<T, false, false, false>
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={value}
      onChange={(_event, picked) => pick(picked)}
      inputValue={inputValue}
      onInputChange={(_event, text) => setInputValue(text)}
      onKeyDown={keys.onKeyDown}
      onHighlightChange={keys.onHighlightChange}
      options={results.options}
      filterOptions={(all) => all}
      getOptionLabel={(object) => object.displayName}
      isOptionEqualToValue={(option, picked) => option.id === picked.id}
      loading={results.searching}
      loadingText="Searching…"
      noOptionsText={
        results.error
          ? `The search failed: ${results.error.message}`
          : typed
            ? props.noMatchText
            : props.placeholder
      }
      handleHomeEndKeys
      renderOption={({ key, ...optionProps }, object) => (
        <Box component="li" key={key ?? object.id} {...optionProps}>
          <Box sx={{ minWidth: 0 }}>
            <Typography>{object.displayName}</Typography>
            {detail?.(object) && (
              <Typography variant="body2" sx={{ color: "text.secondary", overflowWrap: "anywhere" }}>
                {detail(object)}
              </Typography>
            )}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextInput
          {...params}
          label={props.label}
          placeholder={props.placeholder}
          error={problem !== null}
          helperText={
            <>
              {problem ? (
                <Box component="span" role="alert" sx={{ display: "block" }}>
                  {problem}
                </Box>
              ) : chosen ? (
                <Box component="span" sx={{ display: "block", overflowWrap: "anywhere" }}>
                  Selected: <strong>{chosen.displayName}</strong>
                  {detail?.(chosen) && ` · ${detail(chosen)}`}
                </Box>
              ) : null}
              {props.helperText && (
                <Box component="span" sx={{ display: "block" }}>
                  {props.helperText}
                </Box>
              )}
            </>
          }
          autoFocus={props.autoFocus}
          slotProps={{
            ...params.slotProps,
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {results.searching && open ? (
                    <CircularProgress color="inherit" size={18} aria-label="Searching" />
                  ) : null}
                  {params.slotProps.input.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
    />
  );
}

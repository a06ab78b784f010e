"use client";
import { useState, type ReactNode } from "react";
import { useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import CircularProgress from "@mui/material/CircularProgress";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useDebouncedValue } from "./use-debounced-value";

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
  search: (text: string) => UseQueryOptions<{ items: T[] }, Error, T[], SearchKey>;
  byId: (id: string) => UseQueryOptions<T | null, Error, T | null, IdKey>;
  /** A second line under the name, e.g. the UPN. */
  detail?: (object: T) => string | null;
  placeholder: string;
  noMatchText: string;
  helperText?: ReactNode;
  error?: boolean;
  autoFocus?: boolean;
}

/**
 * Type-ahead over one kind of directory object: the server searches (debounced), the list shows
 * the name and a detail line, and a link's bare id is shown by name once it is looked up.
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
  const value: T | null =
    selectedId === null
      ? null
      : (resolved.data ??
        ({ id: selectedId, displayName: resolved.isPending ? "Looking up…" : selectedId } as T));

  // After a pick the box shows the picked name; that name is not a new search.
  const typed = value !== null && inputValue === value.displayName ? "" : inputValue.trim();
  const settled = useDebouncedValue(typed, 250);
  const results = useQuery({ ...search(settled), enabled: open });
  const options = results.data ?? [];

  return (
    <Autocomplete<T, false, false, false>
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={value}
      onChange={(_event, picked) => {
        // Seeding the by-id cache lets the page name the pick without another request.
        if (picked) queryClient.setQueryData<T | null>(byId(picked.id).queryKey, picked);
        onChange(picked);
      }}
      inputValue={inputValue}
      onInputChange={(_event, text) => setInputValue(text)}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      filterOptions={(all) => all}
      getOptionLabel={(object) => object.displayName}
      isOptionEqualToValue={(option, picked) => option.id === picked.id}
      loading={results.isFetching}
      loadingText="Searching…"
      noOptionsText={
        results.isError
          ? `The search failed: ${results.error.message}`
          : settled
            ? props.noMatchText
            : props.placeholder
      }
      autoHighlight
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
        <TextField
          {...params}
          label={props.label}
          placeholder={props.placeholder}
          helperText={props.helperText ?? (value && detail?.(value)) ?? undefined}
          error={props.error}
          autoFocus={props.autoFocus}
          slotProps={{
            ...params.slotProps,
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {results.isFetching && open ? (
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

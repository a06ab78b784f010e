"use client";
import { useId, type ChangeEventHandler, type FocusEventHandler, type ReactNode, type Ref } from "react";
import FormControl from "@mui/material/FormControl";
import FormHelperText from "@mui/material/FormHelperText";
import InputLabel, { type InputLabelProps } from "@mui/material/InputLabel";
import NativeSelect, { type NativeSelectProps } from "@mui/material/NativeSelect";
import type { InputBaseComponentProps } from "@mui/material/InputBase";
import OutlinedInput, { type OutlinedInputProps } from "@mui/material/OutlinedInput";
import type { SxProps, Theme } from "@mui/material/styles";

/**
 * An outlined text field with a label and a helper text, as MUI's TextField draws it, without the
 * Select, Menu, Popover and Modal that TextField always brings along (about 15 KB of compressed
 * script on every page that has a text box). The props are TextField's that the console uses, so
 * an Autocomplete's `renderInput` params spread onto it as they do onto a TextField. With `select`
 * it is the browser's own list (children are <option>s): no menu to load, the phone's own picker,
 * and every key the browser gives a select.
 */
export interface TextInputProps
  extends Pick<OutlinedInputProps, "onKeyDown" | "onKeyUp" | "onSelect" | "onPaste" | "onClick"> {
  id?: string;
  label?: ReactNode;
  value?: unknown;
  defaultValue?: unknown;
  /** With `select`, the event's target is the <select>; its `value` is read the same way. */
  onChange?: ChangeEventHandler<HTMLInputElement | HTMLTextAreaElement>;
  onBlur?: FocusEventHandler<HTMLInputElement | HTMLTextAreaElement>;
  onFocus?: FocusEventHandler<HTMLInputElement | HTMLTextAreaElement>;
  placeholder?: string;
  helperText?: ReactNode;
  error?: boolean;
  disabled?: boolean;
  required?: boolean;
  fullWidth?: boolean;
  size?: "small" | "medium";
  type?: string;
  name?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  multiline?: boolean;
  rows?: number;
  minRows?: number;
  maxRows?: number;
  inputRef?: Ref<HTMLInputElement | HTMLTextAreaElement>;
  className?: string;
  sx?: SxProps<Theme>;
  slotProps?: {
    /** Props of the outlined input (adornments, its ref when an Autocomplete gives one). */
    input?: Partial<OutlinedInputProps> & { ref?: Ref<unknown> };
    /** Attributes of the <input> element itself. */
    htmlInput?: InputBaseComponentProps;
    inputLabel?: Partial<InputLabelProps>;
    formHelperText?: Record<string, unknown>;
  };
  /** A choice from the <option>s given as children. */
  select?: boolean;
  children?: ReactNode;
}

export function TextInput({
  id: idOverride,
  label,
  helperText,
  error = false,
  disabled = false,
  required = false,
  fullWidth = false,
  size,
  className,
  sx,
  slotProps = {},
  inputRef,
  select = false,
  children,
  ...input
}: TextInputProps) {
  const generated = useId();
  const id = idOverride ?? generated;
  const helperTextId = helperText ? `${id}-helper-text` : undefined;
  // A select always shows its value, so its label always sits on the outline.
  const labelProps = { ...slotProps.inputLabel, ...(select && { shrink: true }) };
  const hasLabel = label != null && label !== "";
  const { ref: inputSlotRef, ...inputSlot } = slotProps.input ?? {};
  return (
    <FormControl
      variant="outlined"
      className={className}
      sx={sx}
      error={error}
      disabled={disabled}
      required={required}
      fullWidth={fullWidth}
      size={size}
    >
      {hasLabel && (
        <InputLabel htmlFor={id} id={`${id}-label`} {...labelProps}>
          {label}
        </InputLabel>
      )}
      {select ? (
        <NativeSelect
          id={id}
          aria-describedby={helperTextId}
          value={input.value}
          onChange={input.onChange as NativeSelectProps["onChange"]}
          onBlur={input.onBlur as NativeSelectProps["onBlur"]}
          onFocus={input.onFocus as NativeSelectProps["onFocus"]}
          name={input.name}
          autoFocus={input.autoFocus}
          inputRef={inputRef as Ref<HTMLSelectElement> | undefined}
          inputProps={slotProps.htmlInput as NativeSelectProps["inputProps"]}
          input={<OutlinedInput label={hasLabel ? label : undefined} notched={hasLabel} />}
        >
          {children}
        </NativeSelect>
      ) : (
        <OutlinedInput
          id={id}
          aria-describedby={helperTextId}
          label={hasLabel ? label : undefined}
          {...(labelProps.shrink !== undefined && { notched: labelProps.shrink })}
          fullWidth={fullWidth}
          inputRef={inputRef}
          inputProps={slotProps.htmlInput}
          {...input}
          {...inputSlot}
          ref={inputSlotRef as Ref<HTMLDivElement> | undefined}
        />
      )}
      {helperText && (
        <FormHelperText id={helperTextId} {...slotProps.formHelperText}>
          {helperText}
        </FormHelperText>
      )}
    </FormControl>
  );
}

"use client";
import { useId, useRef, useState } from "react";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { TextInput } from "@/components/TextInput";
import Typography from "@mui/material/Typography";
import type { LabFunction } from "@/lib/api/contracts";
import { completeFunction, signatureOf, suggestFunctions, wordAtCaret } from "./completion";
import { MAX_EXPRESSION_LENGTH } from "./lab-url-state";

/**
 * The expression, in a monospace box, with the job's functions offered for the name being typed and
 * a list of every function to insert at the caret. Ctrl+Enter evaluates.
 */
export function ExpressionEditor({
  value,
  onChange,
  functions,
  onEvaluate,
}: {
  value: string;
  onChange: (text: string) => void;
  functions: readonly LabFunction[];
  onEvaluate: () => void;
}) {
  const input = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState(value.length);
  const suggestionsId = useId();
  const word = wordAtCaret(value, Math.min(caret, value.length));
  const suggestions = word && word.word.length >= 2 ? suggestFunctions(functions, word.word) : [];

  const place = (text: string, at: number) => {
    onChange(text);
    setCaret(at);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  };
  const insert = (fn: LabFunction) => {
    if (word && suggestions.includes(fn)) {
      const done = completeFunction(value, word.start, caret, fn);
      place(done.text, done.caret);
    } else {
      const at = input.current?.selectionStart ?? value.length;
      const text = `${value.slice(0, at)}${fn.name}(${value.slice(at)}`;
      place(text, at + fn.name.length + 1);
    }
  };

  return (
    <Box sx={{ display: "grid", gap: 1.5 }}>
      <TextInput
        label="Expression"
        value={value}
        multiline
        minRows={3}
        inputRef={input}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart ?? event.target.value.length);
        }}
        onSelect={(event) => setCaret((event.target as HTMLTextAreaElement).selectionStart ?? 0)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onEvaluate();
          }
        }}
        helperText={`Attributes in [brackets], text in "quotes". Ctrl+Enter evaluates.${
          value.length > MAX_EXPRESSION_LENGTH * 0.9
            ? ` ${value.length} of ${MAX_EXPRESSION_LENGTH} characters.`
            : ""
        }`}
        slotProps={{
          htmlInput: {
            spellCheck: false,
            autoCapitalize: "off",
            autoCorrect: "off",
            maxLength: MAX_EXPRESSION_LENGTH,
            "aria-describedby": suggestions.length > 0 ? suggestionsId : undefined,
            style: { fontFamily: "monospace" },
          },
        }}
      />
      {suggestions.length > 0 && (
        <Box id={suggestionsId} role="group" aria-label={`Functions starting with ${word!.word}`}>
          <Typography variant="body2" sx={{ color: "text.secondary", mb: 0.5 }}>
            Functions starting with “{word!.word}”:
          </Typography>
          <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
            {suggestions.map((fn) => (
              <Button
                key={fn.name}
                size="small"
                variant="outlined"
                onClick={() => insert(fn)}
                sx={{ fontFamily: "monospace", textTransform: "none" }}
              >
                {signatureOf(fn)}
              </Button>
            ))}
          </Box>
        </Box>
      )}
      <Autocomplete
        options={[...functions]}
        getOptionLabel={signatureOf}
        value={null}
        blurOnSelect
        onChange={(_event, fn) => fn && insert(fn)}
        renderInput={(params) => (
          <TextInput
            {...params}
            size="small"
            label="Insert a function"
            placeholder="Type to find a function"
          />
        )}
        sx={{ maxWidth: 480 }}
        noOptionsText="No function of that name in this job's schema"
      />
    </Box>
  );
}

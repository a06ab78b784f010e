import Box from "@mui/material/Box";

/** Preformatted text in a scrollable region that the keyboard can reach and scroll. */
export function CodeBlock({ text, label }: { text: string; label: string }) {
  return (
    <Box
      component="pre"
      tabIndex={0}
      role="region"
      aria-label={label}
      sx={{
        m: 0,
        p: 2,
        maxHeight: 480,
        overflow: "auto",
        fontFamily: "monospace",
        fontSize: "0.8125rem",
        lineHeight: 1.5,
        bgcolor: "action.hover",
        color: "text.primary",
        border: 1,
        borderColor: "divider",
        borderRadius: 1,
        tabSize: 4,
        "&:focus-visible": { outline: "2px solid", outlineColor: "primary.main", outlineOffset: 2 },
      }}
    >
      {text}
    </Box>
  );
}

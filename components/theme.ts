"use client";
import { createTheme } from "@mui/material/styles";

// Light and dark schemes as CSS variables: the first paint follows the system (or the saved
// choice) without a flash, because InitColorSchemeScript sets the class before React runs.
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: "class" },
  colorSchemes: {
    light: { palette: { primary: { main: "#0f5fb8" }, secondary: { main: "#6b3fa0" } } },
    dark: { palette: { primary: { main: "#7cb7ff" }, secondary: { main: "#c9a7ff" } } },
  },
  shape: { borderRadius: 8 },
  components: {
    // A visible outline for keyboard focus on every button, link-button, tab and icon button.
    MuiButtonBase: {
      styleOverrides: {
        root: ({ theme }) => ({
          "&.Mui-focusVisible": { outline: `2px solid ${theme.vars.palette.text.primary}`, outlineOffset: 2 },
        }),
      },
    },
  },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
});

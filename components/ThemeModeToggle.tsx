"use client";
import IconButton from "@mui/material/IconButton";
import { useColorScheme } from "@mui/material/styles";
import DarkModeOutlined from "@mui/icons-material/DarkModeOutlined";
import LightModeOutlined from "@mui/icons-material/LightModeOutlined";
import SettingsBrightnessOutlined from "@mui/icons-material/SettingsBrightnessOutlined";

const next = { system: "light", light: "dark", dark: "system" } as const;
const label = { system: "Theme: follows the system", light: "Theme: light", dark: "Theme: dark" } as const;

/** Cycles system → light → dark; the choice is remembered by MUI in localStorage. */
export function ThemeModeToggle() {
  const { mode, setMode } = useColorScheme();
  const current = mode ?? "system";
  const Icon =
    current === "dark"
      ? DarkModeOutlined
      : current === "light"
        ? LightModeOutlined
        : SettingsBrightnessOutlined;
  return (
    // The browser's own tooltip (title): MUI's Tooltip would bring its popper to every page.
    <IconButton
      color="inherit"
      title={`${label[current]} (click to change)`}
      aria-label={`${label[current]}. Switch to ${next[current]}`}
      onClick={() => setMode(next[current])}
    >
      <Icon />
    </IconButton>
  );
}

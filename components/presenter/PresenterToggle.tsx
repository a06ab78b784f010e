"use client";
import IconButton from "@mui/material/IconButton";
import CoPresent from "@mui/icons-material/CoPresent";
import CoPresentOutlined from "@mui/icons-material/CoPresentOutlined";
import { usePresenterMode } from "./presenter-mode";

/** The app bar's switch for presenter mode: ids hidden and the result enlarged, for a projector. */
export function PresenterToggle() {
  const [on, setOn] = usePresenterMode();
  const title = on
    ? "Presenter mode is on: ids are hidden and the result is enlarged (click to turn off)"
    : "Presenter mode: hide ids and enlarge the result for a projector";
  return (
    // The browser's own tooltip (title): MUI's Tooltip would bring its popper to every page.
    <IconButton
      color="inherit"
      aria-label="Presenter mode"
      title={title}
      aria-pressed={on}
      onClick={() => setOn(!on)}
    >
      {on ? <CoPresent /> : <CoPresentOutlined />}
    </IconButton>
  );
}

"use client";
import GlobalStyles from "@mui/material/GlobalStyles";
import { ID_CLASS, PRESENTER_ATTRIBUTE, PRESENTER_ENLARGE_CLASS } from "./presenter-attribute";

const on = `html[${PRESENTER_ATTRIBUTE}="on"]`;

/** What presenter mode changes: every marked id hidden, the marked result larger for the back row. */
export function PresenterStyles() {
  return (
    <GlobalStyles
      styles={{
        [`${on} .${ID_CLASS}`]: { display: "none !important" },
        // A fact whose value is only an id goes with its name ("Job id", "Object id").
        [`${on} dd:has(> .${ID_CLASS}:only-child), ${on} dt:has(+ dd > .${ID_CLASS}:only-child)`]: {
          display: "none !important",
        },
        // zoom re-lays the result out at its larger size, so it still fits its column.
        [`${on} .${PRESENTER_ENLARGE_CLASS}`]: { zoom: 1.3 },
      }}
    />
  );
}

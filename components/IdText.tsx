"use client";
import { useEffect, useRef, useState, type RefObject } from "react";
import Box from "@mui/material/Box";
import Tooltip from "@mui/material/Tooltip";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";

/** The characters of an id a narrow column still shows before the ellipsis. */
const SHORTEST_SHOWN = 10;
/** What takes the keyboard focus for an id inside it (the id then needs no tab stop of its own). */
const INTERACTIVE = "a[href], button, [role='button'], [role='link']";

// One observer for every id on the page: an id that is cut short becomes a tab stop, so its
// tooltip can be read from the keyboard; one shown in full stays out of the tab order.
let observer: ResizeObserver | null = null;
function watchTruncation(element: HTMLElement): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const text = target.firstElementChild;
      if (!(target instanceof HTMLElement) || !text) continue;
      const truncated = text.scrollWidth > text.clientWidth;
      if (truncated && !target.parentElement?.closest(INTERACTIVE)) target.tabIndex = 0;
      else target.removeAttribute("tabindex");
    }
  });
  observer.observe(element);
  return () => observer?.unobserve(element);
}

/** Whether the link or button holding `element`, if any, has the keyboard's focus. */
function useHostFocused(element: RefObject<HTMLElement | null>): boolean {
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    const host = element.current?.parentElement?.closest<HTMLElement>(INTERACTIVE);
    if (!host) return;
    const onFocus = () => setFocused(host.matches(":focus-visible"));
    const onBlur = () => setFocused(false);
    host.addEventListener("focus", onFocus);
    host.addEventListener("blur", onBlur);
    return () => {
      host.removeEventListener("focus", onFocus);
      host.removeEventListener("blur", onBlur);
    };
  }, [element]);
  return focused;
}

/**
 * An id (a GUID, a DN, a request id) that never widens its table: cut short with an ellipsis when
 * space is short, in full on hover and on keyboard focus (its own, or that of the link holding it),
 * and always whole in the DOM for copying. Carries ID_CLASS, so presenter mode hides it.
 */
export function IdText({ children, block = false }: { children: string; block?: boolean }) {
  const ref = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const hostFocused = useHostFocused(ref);
  useEffect(() => (ref.current ? watchTruncation(ref.current) : undefined), []);
  return (
    <Tooltip
      title={children}
      describeChild
      enterDelay={300}
      open={open || hostFocused}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      <Box
        ref={ref}
        component="span"
        className={ID_CLASS}
        data-id={children}
        data-id-head={children.slice(0, SHORTEST_SHOWN)}
        sx={{
          display: block ? "block" : "inline-block",
          maxWidth: "100%",
          verticalAlign: "bottom",
          // Above a row's stretched link (LinkedTableRow), so it can be hovered and selected to copy.
          position: "relative",
          zIndex: 1,
          fontFamily: "monospace",
          borderRadius: 0.5,
          "&:focus-visible": { outline: "2px solid", outlineColor: "primary.main", outlineOffset: 1 },
          // Two invisible copies size the box, so a table column may give the id its whole width
          // (the copy that wraps anywhere) but never squeezes it under its first characters.
          "&::before, &::after": { display: "block", height: 0, overflow: "hidden", visibility: "hidden" },
          "&::before": { content: "attr(data-id-head)", whiteSpace: "nowrap" },
          "&::after": { content: "attr(data-id)", overflowWrap: "anywhere" },
        }}
      >
        <Box
          component="span"
          sx={{
            display: "block",
            // Sized by its box, never by its text: the copies above decide how wide the id may be.
            contain: "inline-size",
            overflow: "hidden",
            textOverflow: "ellipsis",
            whiteSpace: "nowrap",
          }}
        >
          {children}
        </Box>
      </Box>
    </Tooltip>
  );
}

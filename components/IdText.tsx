"use client";
import { useEffect, useId, useRef, useState, type CSSProperties, type RefObject } from "react";
import { createPortal } from "react-dom";
import Box from "@mui/material/Box";
import { ID_CLASS } from "@/components/presenter/presenter-attribute";

/** The characters of an id a narrow column still shows before the ellipsis. */
const SHORTEST_SHOWN = 10;
/** How long the pointer rests on an id before it is shown whole. */
const HOVER_DELAY_MS = 300;
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

/** Where the whole id is shown: under the id, in the viewport, above whatever scrolls (a table's scroller would clip it). */
function placeUnder(element: HTMLElement): CSSProperties {
  const box = element.getBoundingClientRect();
  const width = Math.min(480, window.innerWidth - 16);
  return {
    position: "fixed",
    top: box.bottom + 4,
    left: Math.max(8, Math.min(box.left, window.innerWidth - 8 - width)),
    maxWidth: width,
  };
}

/**
 * An id (a GUID, a DN, a request id) that never widens its table: cut short with an ellipsis when
 * space is short, in full on hover and on keyboard focus (its own, or that of the link holding it),
 * and always whole in the DOM for copying. Carries ID_CLASS, so presenter mode hides it. The whole
 * id is drawn here (on the page's body, so no scroller clips it) rather than by MUI's Tooltip, whose
 * popper would come with every table.
 */
export function IdText({ children, block = false }: { children: string; block?: boolean }) {
  const ref = useRef<HTMLElement>(null);
  const tooltipId = useId();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const hostFocused = useHostFocused(ref);
  const [place, setPlace] = useState<CSSProperties | null>(null);
  useEffect(() => (ref.current ? watchTruncation(ref.current) : undefined), []);

  const shown = hovered || focused || hostFocused;
  useEffect(() => {
    if (!shown || !ref.current) return setPlace(null);
    setPlace(placeUnder(ref.current));
    // It would stay where the id was: a scroll or a resize puts it away instead.
    const hide = () => {
      setHovered(false);
      setFocused(false);
      setPlace(null);
    };
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && hide();
    window.addEventListener("scroll", hide, { capture: true, passive: true });
    window.addEventListener("resize", hide);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("scroll", hide, { capture: true });
      window.removeEventListener("resize", hide);
      window.removeEventListener("keydown", onKey);
    };
  }, [shown]);

  const hoverTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(hoverTimer.current), []);

  return (
    <Box
      ref={ref}
      component="span"
      className={ID_CLASS}
      data-id={children}
      data-id-head={children.slice(0, SHORTEST_SHOWN)}
      aria-describedby={place ? tooltipId : undefined}
      onPointerEnter={() => {
        clearTimeout(hoverTimer.current);
        hoverTimer.current = setTimeout(() => setHovered(true), HOVER_DELAY_MS);
      }}
      onPointerLeave={() => {
        clearTimeout(hoverTimer.current);
        setHovered(false);
      }}
      onFocus={(event) => setFocused(event.currentTarget.matches(":focus-visible"))}
      onBlur={() => setFocused(false)}
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
      {place &&
        createPortal(
          <Box
            component="span"
            role="tooltip"
            id={tooltipId}
            style={place}
            sx={{
              zIndex: "tooltip",
              px: 1,
              py: 0.5,
              borderRadius: 1,
              bgcolor: "grey.800",
              color: "common.white",
              fontSize: "0.75rem",
              lineHeight: 1.4,
              whiteSpace: "normal",
              overflowWrap: "anywhere",
              pointerEvents: "none",
              boxShadow: 2,
            }}
          >
            {children}
          </Box>,
          document.body,
        )}
    </Box>
  );
}

"use client";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import TableContainer from "@mui/material/TableContainer";
import type { SxProps, Theme } from "@mui/material/styles";

/**
 * A table's container: a table wider than the page scrolls sideways inside it, never the page.
 * While it does, the container is a named region in the tab order, so the keyboard can scroll it.
 */
export function TableScroller({
  label,
  outlined = false,
  sx,
  children,
}: {
  /** What the table is, for the region's name ("… (scrolls sideways)"). */
  label: string;
  /** In an outlined frame, for a table standing on its own. */
  outlined?: boolean;
  sx?: SxProps<Theme>;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(ref);
  return (
    <TableContainer
      ref={ref}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
      sx={[
        {
          overflowX: "auto",
          // Positioned, so that what a cell places absolutely (a visually hidden label) is clipped too.
          position: "relative",
          "&:focus-visible": { outline: "2px solid", outlineColor: "primary.main", outlineOffset: 2 },
        },
        // While it scrolls, its width is the page's, never its table's: what is inside may size
        // itself to it (100cqi), as the table's caption does to stay in view and wrap.
        scrolls && { containerType: "inline-size" },
        outlined && { bgcolor: "background.paper", border: 1, borderColor: "divider", borderRadius: 1 },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      {children}
    </TableContainer>
  );
}

/** Whether the element's content is wider than the element, followed as either changes size. */
function useScrollsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}

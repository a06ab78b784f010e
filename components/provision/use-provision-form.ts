"use client";
import { useCallback, useMemo } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { parseProvisionLink, provisionLinkQuery, type ProvisionFormState } from "./provision-url-state";

/**
 * The provision form's state, read from and written to the URL. Writing uses history.replaceState,
 * which Next's router follows without asking the server for the page again on every keystroke.
 */
export function useProvisionForm() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const query = searchParams.toString();
  const { state, notices } = useMemo(() => parseProvisionLink(new URLSearchParams(query)), [query]);

  const update = useCallback(
    (change: Partial<ProvisionFormState>) => {
      const next = provisionLinkQuery({ ...state, ...change });
      window.history.replaceState(null, "", `${pathname}?${next}`);
    },
    [state, pathname],
  );

  return { state, notices, update };
}

"use client";
import { createContext, useContext } from "react";

/** What the result's parts know of the run beyond its answer: where it ran and what they may ask for. */
export interface RunContextValue {
  runId: string | null;
  servicePrincipalId: string | null;
  jobId: string | null;
  /** The application's name, for sentences ("Created in Contoso HR Portal"). */
  applicationName: string | null;
  /**
   * Whether the parts may call the API for more (the application's appId, member runs, mappings);
   * false on a shared link, where the reader may not be signed in.
   */
  live: boolean;
}

export const RunContext = createContext<RunContextValue>({
  runId: null,
  servicePrincipalId: null,
  jobId: null,
  applicationName: null,
  live: false,
});

export function useRunContext(): RunContextValue {
  return useContext(RunContext);
}

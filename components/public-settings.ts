"use client";
import { createContext, useContext } from "react";
import type { PublicSettings } from "@/lib/api/contracts";

/** The server's public settings, given once by the root layout (see lib/console/public-settings). */
export const PublicSettingsContext = createContext<PublicSettings>({
  mode: "demo",
  graphEndpoint: "https://graph.microsoft.com",
  auth: null,
});

export function usePublicSettings(): PublicSettings {
  return useContext(PublicSettingsContext);
}

/** True when the console runs on the embedded demo tenant. */
export function useDemoMode(): boolean {
  return usePublicSettings().mode === "demo";
}

"use client";
import { useState, type ReactNode } from "react";
import CssBaseline from "@mui/material/CssBaseline";
import { ThemeProvider } from "@mui/material/styles";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { PublicSettings } from "@/lib/api/contracts";
import { AuthProvider } from "./auth/AuthProvider";
import { PresenterStyles } from "./presenter/PresenterStyles";
import { PublicSettingsContext } from "./public-settings";
import { theme } from "./theme";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
    },
  });
}

/** `settings`: the server's public settings (mode, Graph's origin, Entra mode's sign-in settings). */
export function Providers({ settings, children }: { settings: PublicSettings; children: ReactNode }) {
  // One client per browser session; created lazily so server renders never share one.
  const [queryClient] = useState(makeQueryClient);
  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <PresenterStyles />
      <QueryClientProvider client={queryClient}>
        <PublicSettingsContext.Provider value={settings}>
          <AuthProvider config={settings.auth}>{children}</AuthProvider>
        </PublicSettingsContext.Provider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

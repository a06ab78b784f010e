"use client";
import { useState, type ReactNode } from "react";
import CssBaseline from "@mui/material/CssBaseline";
import { ThemeProvider } from "@mui/material/styles";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AuthProvider } from "./auth/AuthProvider";
import type { BrowserAuthConfig } from "@/lib/auth/browser-auth-config";
import { theme } from "./theme";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
    },
  });
}

/** `auth`: Entra mode's public sign-in settings, null in demo mode. */
export function Providers({ auth, children }: { auth: BrowserAuthConfig | null; children: ReactNode }) {
  // One client per browser session; created lazily so server renders never share one.
  const [queryClient] = useState(makeQueryClient);
  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient}>
        <AuthProvider config={auth}>{children}</AuthProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

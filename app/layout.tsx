import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import Container from "@mui/material/Container";
import InitColorSchemeScript from "@mui/material/InitColorSchemeScript";
import { AppRouterCacheProvider } from "@mui/material-nextjs/v16-appRouter";
import { SignInGate } from "@/components/auth/SignInGate";
import { ConsoleAppBar } from "@/components/ConsoleAppBar";
import { Providers } from "@/components/Providers";
import { browserAuthConfig } from "@/lib/auth/browser-auth-config";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: { default: "Provision on demand", template: "%s · Provision on demand" },
  description: "Run Microsoft Entra provision on demand for one object and understand the answer.",
  icons: { icon: "/favicon.svg" },
};

// The mode comes from the server's settings at request time, never from the build.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = env();
  const { mode } = settings;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <InitColorSchemeScript attribute="class" defaultMode="system" nonce={nonce} />
        <AppRouterCacheProvider>
          <Providers auth={browserAuthConfig(settings)}>
            <ConsoleAppBar mode={mode} />
            <Container component="main" id="main" maxWidth="lg" sx={{ py: 4 }}>
              <SignInGate>{children}</SignInGate>
            </Container>
          </Providers>
        </AppRouterCacheProvider>
      </body>
    </html>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import Container from "@mui/material/Container";
import InitColorSchemeScript from "@mui/material/InitColorSchemeScript";
import { AppRouterCacheProvider } from "@mui/material-nextjs/v16-appRouter";
import { SignInGate } from "@/components/auth/SignInGate";
import { ConsoleAppBar } from "@/components/ConsoleAppBar";
import { PRESENTER_INIT_SCRIPT } from "@/components/presenter/presenter-attribute";
import { Providers } from "@/components/Providers";
import { publicSettingsOf } from "@/lib/console/public-settings";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: { default: "Provision on demand", template: "%s · Provision on demand" },
  description: "Run Microsoft Entra provision on demand for one object and understand the answer.",
  icons: { icon: "/favicon.svg" },
};

// The mode comes from the server's settings at request time, never from the build.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = publicSettingsOf(env());
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <InitColorSchemeScript attribute="class" defaultMode="system" nonce={nonce} />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PRESENTER_INIT_SCRIPT }} />
        <AppRouterCacheProvider>
          <Providers settings={settings}>
            <ConsoleAppBar />
            <Container component="main" id="main" maxWidth="lg" sx={{ py: 4 }}>
              <SignInGate>{children}</SignInGate>
            </Container>
          </Providers>
        </AppRouterCacheProvider>
      </body>
    </html>
  );
}

"use client";
import { useId, useMemo, useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import Typography from "@mui/material/Typography";
import type { RunRequest } from "@/lib/api/contracts";
import { CodeBlock } from "./CodeBlock";
import { CopyButton } from "./CopyButton";
import { usePublicSettings } from "@/components/public-settings";
import { toCurl, toPowerShell } from "./request-snippets";

type Shell = "powershell" | "curl";

const SHELLS: readonly { id: Shell; name: string; note: string }[] = [
  {
    id: "powershell",
    name: "PowerShell",
    note: "Microsoft Graph PowerShell. Connect first with Connect-MgGraph -Scopes 'Synchronization.ReadWrite.All'.",
  },
  {
    id: "curl",
    name: "curl",
    note: "For bash or zsh. Put a Graph access token with Synchronization.ReadWrite.All in $GRAPH_TOKEN first.",
  },
];

function snippetsOf(
  request: RunRequest,
  endpoint: string,
): { ok: true; text: Record<Shell, string> } | { ok: false; message: string } {
  try {
    return { ok: true, text: { powershell: toPowerShell(request), curl: toCurl(request, endpoint) } };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : "The request could not be read." };
  }
}

/** The run's provisionOnDemand call as a script, to repeat it outside the console. */
export function RequestSnippets({ request }: { request: RunRequest }) {
  const graphEndpoint = `${usePublicSettings().graphEndpoint}/v1.0`;
  const [shell, setShell] = useState<Shell>("powershell");
  const baseId = useId();
  const snippets = useMemo(() => snippetsOf(request, graphEndpoint), [request, graphEndpoint]);

  if (!snippets.ok) {
    return (
      <Alert severity="warning">This run’s request cannot be written as a script: {snippets.message}</Alert>
    );
  }
  return (
    <Box>
      <Tabs
        value={shell}
        onChange={(_, value: Shell) => setShell(value)}
        aria-label="Script language"
        variant="scrollable"
        scrollButtons="auto"
        sx={{ borderBottom: 1, borderColor: "divider" }}
      >
        {SHELLS.map(({ id, name }) => (
          <Tab
            key={id}
            value={id}
            label={name}
            id={`${baseId}-${id}-tab`}
            aria-controls={`${baseId}-${id}-panel`}
          />
        ))}
      </Tabs>
      {SHELLS.map(({ id, name, note }) => (
        <Box
          key={id}
          role="tabpanel"
          id={`${baseId}-${id}-panel`}
          aria-labelledby={`${baseId}-${id}-tab`}
          hidden={shell !== id}
          sx={{ pt: 1.5 }}
        >
          {shell === id && (
            <>
              <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1.5, mb: 1 }}>
                <Typography variant="body2" sx={{ color: "text.secondary", flex: "1 1 20rem" }}>
                  {note}
                </Typography>
                <CopyButton text={snippets.text[id]} label={`Copy ${name}`} />
              </Box>
              <CodeBlock text={snippets.text[id]} label={`The same request as ${name}`} />
            </>
          )}
        </Box>
      ))}
    </Box>
  );
}

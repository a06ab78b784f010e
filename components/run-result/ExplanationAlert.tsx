"use client";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import MuiLink from "@mui/material/Link";
import Typography from "@mui/material/Typography";
import OpenInNewIcon from "@mui/icons-material/OpenInNew";
import { useQuery } from "@tanstack/react-query";
import { appQueries } from "@/components/apps/queries";
import { usePublicSettings } from "@/components/public-settings";
import type { ReportExplanation } from "@/lib/provisioning";
import { usersAndGroupsHref } from "./admin-center";
import { useRunContext } from "./run-context";
import { visuallyHidden } from "./visually-hidden";

/** The application's "Users and groups" page in the Entra admin center, with its appId when it can be read. */
function AssignmentLink() {
  const { servicePrincipalId, live } = useRunContext();
  const settings = usePublicSettings();
  const app = useQuery({
    ...appQueries.detail(servicePrincipalId ?? ""),
    enabled: live && !!servicePrincipalId,
  });
  if (!servicePrincipalId) return null;
  const href = usersAndGroupsHref(settings.graphEndpoint, servicePrincipalId, app.data?.appId ?? null);
  return (
    <Typography variant="body2" sx={{ mt: 1 }}>
      <MuiLink href={href} target="_blank" rel="noopener noreferrer">
        Open the application&apos;s Users and groups page in the Entra admin center
        <OpenInNewIcon fontSize="inherit" sx={{ ml: 0.5, verticalAlign: "middle" }} aria-hidden />
        <Box component="span" sx={visuallyHidden}>
          {" "}
          (opens in a new tab)
        </Box>
      </MuiLink>
      {settings.mode === "demo" && (
        <Box component="span" sx={{ display: "block", mt: 0.5, color: "text.secondary" }}>
          In this demo, the Demo tenant panel on the provision page assigns and unassigns users.
        </Box>
      )}
    </Typography>
  );
}

/** One object's result in plain words: headline, what it means, what the service said, what to do next. */
export function ExplanationAlert({
  explanation,
  serviceMessage,
}: {
  explanation: ReportExplanation;
  /** The service's own words about it, quoted beneath the explanation. */
  serviceMessage?: string | null;
}) {
  const { tone, headline, meaning, advice, code, offerAssignment } = explanation;
  return (
    <Alert severity={tone}>
      <AlertTitle>
        {headline}
        {code && (
          <Box component="code" sx={{ ml: 1, fontSize: "0.85em", fontWeight: 400, overflowWrap: "anywhere" }}>
            ({code})
          </Box>
        )}
      </AlertTitle>
      <Typography variant="body2">{meaning}</Typography>
      {serviceMessage && (
        <Typography variant="body2" sx={{ mt: 1, overflowWrap: "anywhere" }}>
          The service said: “{serviceMessage}”
        </Typography>
      )}
      {advice.length === 1 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <strong>What to do:</strong> {advice[0]}
        </Typography>
      )}
      {advice.length > 1 && (
        <>
          <Typography variant="body2" sx={{ mt: 1, fontWeight: 700 }}>
            What to do:
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {advice.map((line) => (
              <Typography component="li" variant="body2" key={line}>
                {line}
              </Typography>
            ))}
          </Box>
        </>
      )}
      {offerAssignment && <AssignmentLink />}
    </Alert>
  );
}

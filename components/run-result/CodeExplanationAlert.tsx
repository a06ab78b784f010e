import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { explainCode } from "@/lib/provisioning/explain-code";

interface CodeExplanationAlertProps {
  code: string;
  /** What the service itself wrote about it, quoted beneath the explanation. */
  message?: string | null;
  /** statusInfo.recommendedAction, when the service gave one. */
  recommendedAction?: string | null;
}

/** An error code or skip reason in plain words with the next action; its severity is the code's. */
export function CodeExplanationAlert({ code, message, recommendedAction }: CodeExplanationAlertProps) {
  const explanation = explainCode(code);
  return (
    <Alert severity={explanation.severity}>
      <AlertTitle>
        {explanation.title}
        {explanation.code && (
          <Box component="code" sx={{ ml: 1, fontSize: "0.85em", fontWeight: 400, overflowWrap: "anywhere" }}>
            ({explanation.code})
          </Box>
        )}
      </AlertTitle>
      <Typography variant="body2">{explanation.meaning}</Typography>
      {message && (
        <Typography variant="body2" sx={{ mt: 1, overflowWrap: "anywhere" }}>
          The service said: “{message}”
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        <strong>What to do:</strong> {explanation.action}
      </Typography>
      {recommendedAction && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <strong>The service recommends:</strong> {recommendedAction}
        </Typography>
      )}
    </Alert>
  );
}

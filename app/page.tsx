import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { env } from "@/lib/env";

export default function HomePage() {
  const { mode } = env();
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        Applications with provisioning
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography>
          Pick an application, a synchronization job and a user, group or on-premises user, and run
          provisioning for just that object. You will see every step the provisioning service took, which
          attributes changed, and what to do about any skip or error.
        </Typography>
        <Typography sx={{ mt: 2 }} color="text.secondary">
          {mode === "demo"
            ? "Running on the embedded Contoso demo tenant: nothing you do here reaches a real directory."
            : "Signed in to Microsoft Entra ID."}
        </Typography>
      </Paper>
    </Stack>
  );
}

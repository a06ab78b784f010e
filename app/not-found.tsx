import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { LinkButton } from "@/components/LinkButton";

export default function NotFound() {
  return (
    <Stack spacing={2} sx={{ alignItems: "flex-start" }}>
      <Typography variant="h4" component="h1">
        Page not found
      </Typography>
      <Typography>There is nothing at this address. The link may be mistyped or out of date.</Typography>
      <LinkButton href="/" variant="contained">
        Back to applications
      </LinkButton>
    </Stack>
  );
}

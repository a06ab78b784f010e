import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";

/** A page's title and what the page holds, with an action beside them (under them on a phone). */
export function PageHeading({
  title,
  children,
  action,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Stack
      direction={{ xs: "column", sm: "row" }}
      spacing={2}
      sx={{ justifyContent: "space-between", alignItems: { sm: "flex-start" } }}
    >
      <Box>
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        {children && <Typography sx={{ color: "text.secondary", mt: 0.5 }}>{children}</Typography>}
      </Box>
      {action}
    </Stack>
  );
}

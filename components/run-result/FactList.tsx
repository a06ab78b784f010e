import type { ReactNode } from "react";
import Box from "@mui/material/Box";

/** A fact: its name, its value and, for a fact that is only an id, ID_CLASS (presenter mode hides it). */
export type Fact = readonly [string, ReactNode] | readonly [string, ReactNode, string];

/** A description list laid out as two columns: names on the left, values on the right. */
export function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: "grid",
        gridTemplateColumns: { xs: "1fr", sm: "max-content 1fr" },
        columnGap: 3,
        rowGap: { xs: 0.5, sm: 1.25 },
        alignItems: "baseline",
      }}
    >
      {facts.map(([name, value, className]) => (
        <Box key={name} className={className} sx={{ display: "contents" }}>
          <Box component="dt" sx={{ color: "text.secondary", fontWeight: 600, mt: { xs: 1, sm: 0 } }}>
            {name}
          </Box>
          <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: "anywhere" }}>
            {value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

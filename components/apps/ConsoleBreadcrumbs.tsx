"use client";
import Link from "next/link";
import Breadcrumbs from "@mui/material/Breadcrumbs";
import MuiLink from "@mui/material/Link";
import Typography from "@mui/material/Typography";

export interface Crumb {
  label: string;
  href?: string;
}

/** Where this page sits: Applications › application › job; the last crumb is the current page. */
export function ConsoleBreadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <Breadcrumbs aria-label="You are here">
      {crumbs.map((crumb, index) =>
        crumb.href && index < crumbs.length - 1 ? (
          <MuiLink key={crumb.href} component={Link} href={crumb.href} underline="hover" color="inherit">
            {crumb.label}
          </MuiLink>
        ) : (
          <Typography
            key={`${crumb.label}-${index}`}
            sx={{ color: "text.primary" }}
            aria-current={index === crumbs.length - 1 ? "page" : undefined}
          >
            {crumb.label}
          </Typography>
        ),
      )}
    </Breadcrumbs>
  );
}

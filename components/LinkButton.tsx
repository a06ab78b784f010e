"use client";
import Button, { type ButtonProps } from "@mui/material/Button";
import Link from "next/link";

/** A MUI button that navigates with the Next.js router; usable from server components. */
export function LinkButton(props: Omit<ButtonProps<typeof Link>, "component">) {
  return <Button component={Link} {...props} />;
}

"use client";
import type { ReactNode } from "react";
import type { DirectoryUserSummary } from "@/lib/api/contracts";
import { dateTimeText } from "@/components/jobs/when";
import { DirectoryObjectPicker } from "./DirectoryObjectPicker";
import { directoryQueries } from "./queries";

const userDetail = (user: DirectoryUserSummary) =>
  [
    user.userPrincipalName,
    user.mail && user.mail.toLowerCase() !== user.userPrincipalName?.toLowerCase() ? user.mail : null,
    user.deletedDateTime
      ? `deleted ${dateTimeText(user.deletedDateTime) ?? user.deletedDateTime}, in the recycle bin`
      : null,
  ]
    .filter(Boolean)
    .join(" · ") || null;

/** Find an Entra user by name, user principal name or mail. */
export function UserPicker(props: {
  label?: string;
  selectedId: string | null;
  onChange: (user: DirectoryUserSummary | null) => void;
  helperText?: ReactNode;
}) {
  return (
    <DirectoryObjectPicker
      label={props.label ?? "User"}
      selectedId={props.selectedId}
      onChange={props.onChange}
      search={directoryQueries.users}
      byId={directoryQueries.user}
      detail={userDetail}
      notFound={(id) => `No user has the id ${id}. Find the user by name instead.`}
      placeholder="Type a name, user principal name or mail"
      noMatchText="No user matches. Try part of the name, the UPN or the mail address."
      helperText={props.helperText}
    />
  );
}

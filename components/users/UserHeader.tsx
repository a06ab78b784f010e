"use client";
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import Block from "@mui/icons-material/Block";
import CheckCircleOutlined from "@mui/icons-material/CheckCircleOutlined";
import DeleteOutlined from "@mui/icons-material/DeleteOutlined";
import Dns from "@mui/icons-material/Dns";
import { StatusChip } from "@/components/run-result/OutcomeChip";
import { dateTimeText } from "@/components/jobs/when";
import { CopyableId } from "@/components/jobs/CopyableId";
import type { UserProfileView } from "@/lib/api/contracts";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" sx={{ color: "text.secondary" }}>
        {term}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, minWidth: 0, overflowWrap: "anywhere" }}>
        {children}
      </Typography>
    </>
  );
}

/** Who the user is: name and addresses, enabled or not, soft-deleted, synced from Active Directory. */
export function UserHeader({ user }: { user: UserProfileView }) {
  return (
    <Box component="header">
      <Typography variant="h4" component="h1" sx={{ overflowWrap: "anywhere" }}>
        {user.displayName}
      </Typography>
      <Typography sx={{ color: "text.secondary", mt: 0.5, overflowWrap: "anywhere" }}>
        {[user.userPrincipalName, user.mail !== user.userPrincipalName ? user.mail : null]
          .filter(Boolean)
          .join(" · ")}
      </Typography>
      <Box
        role="list"
        aria-label="Account state"
        sx={{ display: "flex", flexWrap: "wrap", gap: 1, mt: 1.5, "& > *": { display: "inline-flex" } }}
      >
        <span role="listitem">
          {user.accountEnabled === false ? (
            <StatusChip tone="warning" icon={<Block aria-hidden />} label="Sign-in disabled" />
          ) : user.accountEnabled === true ? (
            <StatusChip tone="success" icon={<CheckCircleOutlined aria-hidden />} label="Enabled" />
          ) : (
            <StatusChip tone="neutral" label="Enabled: not reported" />
          )}
        </span>
        {user.softDeleted && (
          <span role="listitem">
            <StatusChip
              tone="error"
              icon={<DeleteOutlined aria-hidden />}
              label={`Soft-deleted${user.deletedDateTime ? ` ${dateTimeText(user.deletedDateTime)}` : ""}`}
            />
          </span>
        )}
        <span role="listitem">
          <StatusChip
            tone={user.onPremisesSynced ? "info" : "neutral"}
            icon={<Dns aria-hidden />}
            label={user.onPremisesSynced ? "Synced from on-premises AD" : "Cloud-only account"}
          />
        </span>
      </Box>
      <Box
        component="dl"
        sx={{
          display: "grid",
          gridTemplateColumns: { xs: "1fr", sm: "max-content 1fr" },
          columnGap: 3,
          rowGap: 0.75,
          mt: 2,
          mb: 0,
        }}
      >
        <Fact term="Object id">
          <CopyableId id={user.id} label="object id" />
        </Fact>
        {(user.jobTitle || user.department) && (
          <Fact term="Job">{[user.jobTitle, user.department].filter(Boolean).join(", ")}</Fact>
        )}
        {user.onPremisesDistinguishedName && (
          <Fact term="On-premises DN">
            <code>{user.onPremisesDistinguishedName}</code>
          </Fact>
        )}
        {user.userType && <Fact term="User type">{user.userType}</Fact>}
      </Box>
    </Box>
  );
}

"use client";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import Typography from "@mui/material/Typography";
import { GroupPicker } from "@/components/directory/GroupPicker";
import { UserPicker } from "@/components/directory/UserPicker";
import { MemberPicker } from "./MemberPicker";
import { OnPremisesUserField } from "./OnPremisesUserField";
import { MAX_GROUP_MEMBERS } from "@/lib/provisioning/limits";
import type { ProvisionFormState, SubjectKind } from "./provision-url-state";

const KIND_LABELS: Record<SubjectKind, string> = {
  user: "User",
  group: "Group",
  onPremisesUser: "On-premises user",
};

const KIND_HINTS: Record<SubjectKind, string> = {
  user: "A user in Microsoft Entra ID, found by name, user principal name or mail.",
  group: `A group and 1 to ${MAX_GROUP_MEMBERS} of its members: the service provisions the group and those members.`,
  onPremisesUser: "A user in on-premises Active Directory, named by its distinguished name (Cloud Sync).",
};

/** The subject to provision: a user, a group with members, or an on-premises user, as the rule allows. */
export function SubjectPicker(props: {
  kinds: SubjectKind[];
  kind: SubjectKind;
  state: ProvisionFormState;
  update: (change: Partial<ProvisionFormState>) => void;
  /** The DN box's text, which the page reads as typed (the URL follows after a pause). */
  onDistinguishedNameChange: (dn: string) => void;
  /** Enter in a text box: provision, when the form is ready. */
  onSubmit: () => void;
  /** Demo mode: the on-premises directory can be searched by name. */
  onPremisesLookup: boolean;
}) {
  const { kinds, kind, state, update } = props;
  return (
    <Stack spacing={2}>
      {kinds.length > 1 && (
        <Tabs
          value={kind}
          onChange={(_event, next: SubjectKind) => update({ kind: next })}
          aria-label="Kind of object to provision"
          variant="scrollable"
          scrollButtons="auto"
          sx={{ borderBottom: 1, borderColor: "divider" }}
        >
          {kinds.map((option) => (
            <Tab
              key={option}
              value={option}
              label={KIND_LABELS[option]}
              id={`subject-tab-${option}`}
              aria-controls="subject-panel"
            />
          ))}
        </Tabs>
      )}
      <Box
        id="subject-panel"
        role={kinds.length > 1 ? "tabpanel" : undefined}
        aria-labelledby={kinds.length > 1 ? `subject-tab-${kind}` : undefined}
      >
        <Stack spacing={2}>
          <Typography variant="body2" sx={{ color: "text.secondary" }}>
            {kinds.length === 1 && <strong>{KIND_LABELS[kind]}: </strong>}
            {KIND_HINTS[kind]}
          </Typography>
          {kind === "user" && (
            <UserPicker selectedId={state.userId} onChange={(user) => update({ userId: user?.id ?? null })} />
          )}
          {kind === "group" && (
            <>
              <GroupPicker
                selectedId={state.groupId}
                onChange={(group) => update({ groupId: group?.id ?? null, memberIds: [] })}
              />
              {state.groupId && (
                <MemberPicker
                  key={state.groupId}
                  groupId={state.groupId}
                  selectedIds={state.memberIds}
                  onChange={(memberIds) => update({ memberIds })}
                />
              )}
            </>
          )}
          {kind === "onPremisesUser" && (
            <OnPremisesUserField
              value={state.distinguishedName}
              onChange={props.onDistinguishedNameChange}
              onSubmit={props.onSubmit}
              lookup={props.onPremisesLookup}
            />
          )}
        </Stack>
      </Box>
    </Stack>
  );
}

"use client";
import type { DirectoryGroupSummary } from "@/lib/api/contracts";
import { DirectoryObjectPicker } from "./DirectoryObjectPicker";
import { directoryQueries } from "./queries";

/** Find an Entra group by name. */
export function GroupPicker(props: {
  selectedId: string | null;
  onChange: (group: DirectoryGroupSummary | null) => void;
}) {
  return (
    <DirectoryObjectPicker
      label="Group"
      selectedId={props.selectedId}
      onChange={props.onChange}
      search={directoryQueries.groups}
      byId={directoryQueries.group}
      notFound={(id) => `No group has the id ${id}. Find the group by name instead.`}
      placeholder="Type the group's name"
      noMatchText="No group matches. Try part of the name."
    />
  );
}

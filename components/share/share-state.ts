import type { ShareLink } from "@/lib/api/contracts";

export type { ShareLink } from "@/lib/api/contracts";

export type ShareLinkState = "active" | "expired" | "revoked";

/** How long a new link lives; null never expires. The server allows 1 to 90 days. */
export const SHARE_EXPIRY_CHOICES: readonly { days: number | null; label: string }[] = [
  { days: null, label: "Never" },
  { days: 1, label: "1 day" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
];

/** Whether the link opens now. Revoked wins over expired, as the server decides it. */
export function shareLinkStateOf(
  link: Pick<ShareLink, "expiresAt" | "revokedAt">,
  now: Date,
): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt !== null && Date.parse(link.expiresAt) <= now.getTime()) return "expired";
  return "active";
}

/** The state in words with its date: "Expires Dec 5, 2026", "Revoked Nov 28, 2026", "Never expires". */
export function shareLinkStateText(
  link: Pick<ShareLink, "expiresAt" | "revokedAt">,
  now: Date,
  formatDate: (iso: string) => string,
): string {
  if (link.revokedAt) return `Revoked ${formatDate(link.revokedAt)}`;
  if (link.expiresAt === null) return "Never expires";
  const expired = shareLinkStateOf(link, now) === "expired";
  return `${expired ? "Expired" : "Expires"} ${formatDate(link.expiresAt)}`;
}

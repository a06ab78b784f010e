/** Page addresses of the user pages; ids are opaque and encoded as one path segment each. */
export const userHref = (userId: string) => `/users/${encodeURIComponent(userId)}`;

/** One provisioning-log event, opened from the page of the user it concerns. */
export const eventHref = (userId: string, eventId: string) =>
  `${userHref(userId)}/events/${encodeURIComponent(eventId)}`;

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the app bar's search box goes to when Enter is pressed on text rather than a suggestion. */
export function directTarget(text: string): string | null {
  const term = text.trim();
  if (OBJECT_ID.test(term)) return userHref(term);
  // A whole userPrincipalName or mail address names one user; the page looks it up.
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(term)) return userHref(term);
  return null;
}

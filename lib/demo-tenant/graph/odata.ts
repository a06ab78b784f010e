import "server-only";
import type { GraphVersion } from "./graph-call";

export const GRAPH_ORIGIN = "https://graph.microsoft.com";

/** `https://graph.microsoft.com/v1.0/$metadata#users(displayName,id)` */
export function contextUrl(version: GraphVersion, fragment: string): string {
  return `${GRAPH_ORIGIN}/${version}/$metadata#${fragment}`;
}

/** OData string literal quoting, as in `servicePrincipals('…')`. */
export const quoteKey = (id: string) => `'${id.replaceAll("'", "''")}'`;

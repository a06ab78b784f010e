import "server-only";
import { GraphError } from "./graph-error";
import type { GraphReader } from "./graph-reader";
import { servicePrincipalSchema, type ServicePrincipal } from "./graph-schemas";
import { graphPath, type GraphTransport } from "./graph-transport";
import { requireId, searchClauses, topOf } from "./query-input";

const SP_SELECT = "id,appId,displayName,tags";
const LIST_PATH = "/servicePrincipals";

export interface ServicePrincipalPage {
  items: ServicePrincipal[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface ServicePrincipalListOptions {
  search?: string;
  cursor?: string;
  top?: number;
  signal?: AbortSignal;
}

/**
 * A cursor is Graph's next-page link without its origin, so a browser never sees (or can swap)
 * the host the token is sent to.
 */
export function createServicePrincipals(transport: GraphTransport, reader: GraphReader) {
  const encodeCursor = (link: URL) =>
    Buffer.from(transport.relativeToVersion(link), "utf8").toString("base64url");

  function decodeCursor(cursor: string): URL {
    const relative = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
    if (relative !== LIST_PATH && !relative.startsWith(`${LIST_PATH}?`))
      throw new GraphError({
        status: 400,
        code: "InvalidCursor",
        message: "The cursor is not one this console handed out; start again from the first page.",
      });
    return transport.sameOriginLink(`${transport.root}${relative}`);
  }

  return {
    /** One service principal by object id: what names one application without discovering them all. */
    async getServicePrincipal(id: string, signal?: AbortSignal): Promise<ServicePrincipal> {
      const objectId = requireId(id, "service principal id");
      return reader.one(
        servicePrincipalSchema,
        `service principal ${objectId}`,
        graphPath("servicePrincipals", objectId),
        {
          query: { $select: SP_SELECT },
          signal,
        },
      );
    },

    async listServicePrincipals(options: ServicePrincipalListOptions = {}): Promise<ServicePrincipalPage> {
      let target: string | URL = LIST_PATH;
      let query: Record<string, string | number> | undefined;
      let eventual: boolean;
      if (options.cursor) {
        target = decodeCursor(options.cursor);
        // A page of a search needs the same consistency header as the first page.
        eventual = target.searchParams.has("$search");
      } else {
        const term = options.search?.trim() ?? "";
        query = {
          $select: SP_SELECT,
          $top: topOf(options.top, 100),
          ...(term ? { $search: searchClauses(["displayName"], term) } : {}),
        };
        eventual = term !== "";
      }
      const page = await reader.page(servicePrincipalSchema, "the list of service principals", target, {
        query,
        eventual,
        signal: options.signal,
      });
      return { items: page.items, nextCursor: page.nextLink ? encodeCursor(page.nextLink) : null };
    },
  };
}

import "server-only";
import type { z } from "zod";
import { GraphError, UNEXPECTED_RESPONSE } from "./graph-error";
import { collectionSchema } from "./graph-schemas";
import type { GraphAnswer, GraphCallSpec, GraphTransport } from "./graph-transport";

export interface ReadOptions {
  query?: GraphCallSpec["query"];
  eventual?: boolean;
  signal?: AbortSignal;
}

export interface PageOf<T> {
  items: T[];
  /** Graph's next-page link, already checked to stay on Graph's origin. */
  nextLink: URL | null;
}

/** Checks a 2xx answer against its schema; one that does not fit is an UnexpectedResponse carrying the raw body. */
export function readAnswer<T extends z.ZodType>(answer: GraphAnswer, schema: T, what: string): z.infer<T> {
  const parsed = schema.safeParse(answer.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at '${issue.path.join(".")}'` : "";
  throw new GraphError({
    status: answer.status,
    code: UNEXPECTED_RESPONSE,
    message: answer.json
      ? `Microsoft Graph's answer for ${what} is not in the expected shape${where}: ${issue?.message ?? "not understood"}.`
      : `Microsoft Graph's answer for ${what} is not JSON.`,
    requestId: answer.requestId,
    clientRequestId: answer.clientRequestId,
    date: answer.date,
    body: answer.body,
  });
}

export type GraphReader = ReturnType<typeof createGraphReader>;

/** GET requests with the read timeout, each answer checked by its schema, pages followed on request. */
export function createGraphReader(transport: GraphTransport, readTimeoutMs: number) {
  const get = (target: string | URL, options: ReadOptions = {}) =>
    transport.call({
      method: "GET",
      target,
      query: options.query,
      eventual: options.eventual,
      signal: options.signal,
      timeoutMs: readTimeoutMs,
      timeoutName: "read timeout",
      idempotent: true,
    });

  async function one<T extends z.ZodType>(
    schema: T,
    what: string,
    target: string,
    options?: ReadOptions,
  ): Promise<z.infer<T>> {
    return readAnswer(await get(target, options), schema, what);
  }

  async function page<T extends z.ZodType>(
    item: T,
    what: string,
    target: string | URL,
    options?: ReadOptions,
  ): Promise<PageOf<z.infer<T>>> {
    const body = readAnswer(await get(target, options), collectionSchema(item), what);
    const link = body["@odata.nextLink"];
    return { items: body.value, nextLink: link ? transport.sameOriginLink(link) : null };
  }

  /** Follows next-page links until there are none or `maxItems` are read. */
  async function all<T extends z.ZodType>(
    item: T,
    what: string,
    target: string,
    options: ReadOptions & { maxItems: number },
  ): Promise<{ items: z.infer<T>[]; truncated: boolean }> {
    const items: z.infer<T>[] = [];
    let next: string | URL | null = target;
    let first = true;
    while (next !== null && items.length < options.maxItems) {
      const current: PageOf<z.infer<T>> = await page(
        item,
        what,
        next,
        first ? options : { eventual: options.eventual, signal: options.signal },
      );
      items.push(...current.items);
      next = current.nextLink;
      first = false;
    }
    return {
      items: items.slice(0, options.maxItems),
      truncated: next !== null || items.length > options.maxItems,
    };
  }

  return { get, one, page, all };
}

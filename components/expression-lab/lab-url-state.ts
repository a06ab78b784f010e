import { appHref } from "@/components/apps/app-links";

/** What a lab session holds; the page keeps it in the URL, so a link reopens the same session. */
export interface LabState {
  expression: string;
  /** The mapping the session started from (its target attribute), if any. */
  mapping: string | null;
  /** The source object of that mapping ("User", "Group"), to tell same-named mappings apart. */
  object: string | null;
  userId: string | null;
  /** Evaluate against what this run's Import step read, instead of the user's attributes now. */
  runId: string | null;
  /** Values typed in the lab, by attribute. */
  values: Record<string, string>;
}

export const EMPTY_LAB: LabState = {
  expression: "",
  mapping: null,
  object: null,
  userId: null,
  runId: null,
  values: {},
};

export const MAX_EXPRESSION_LENGTH = 10_000;
const MAX_ID_LENGTH = 1024;
const MAX_VALUES = 50;
const VALUE_PREFIX = "value:";
const ATTRIBUTE = /^[A-Za-z_][\w.:-]{0,255}$/;

interface SearchParamsLike {
  get(name: string): string | null;
  entries(): IterableIterator<[string, string]>;
}

function id(value: string | null): string | null {
  const text = value?.trim() ?? "";
  // eslint-disable-next-line no-control-regex
  return text === "" || text.length > MAX_ID_LENGTH || /[\u0000-\u001f\u007f]/.test(text) ? null : text;
}

/** The session a link asks for; anything unusable is left out and named in `notices`. */
export function parseLabLink(params: SearchParamsLike): { state: LabState; notices: string[] } {
  const notices: string[] = [];
  let expression = params.get("expression") ?? "";
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    notices.push(
      `The expression in the link is longer than ${MAX_EXPRESSION_LENGTH.toLocaleString("en")} characters and was left out.`,
    );
    expression = "";
  }
  const values: Record<string, string> = {};
  for (const [key, value] of params.entries()) {
    if (!key.startsWith(VALUE_PREFIX)) continue;
    const attribute = key.slice(VALUE_PREFIX.length);
    if (!ATTRIBUTE.test(attribute) || value.length > MAX_EXPRESSION_LENGTH) {
      notices.push(
        `The typed value for "${attribute.slice(0, 60)}" in the link is not usable and was ignored.`,
      );
    } else if (Object.keys(values).length < MAX_VALUES) {
      values[attribute] = value;
    }
  }
  const state: LabState = {
    expression,
    mapping: id(params.get("mapping")),
    object: id(params.get("object")),
    userId: id(params.get("user")),
    runId: id(params.get("run")),
    values,
  };
  if (state.userId && state.runId) {
    notices.push(
      "The link names both a user and a run; the lab evaluates against the run's imported values.",
    );
    state.userId = null;
  }
  return { state, notices };
}

/** The query string of a session; empty parts are left out. */
export function labLinkQuery(state: LabState): string {
  const params = new URLSearchParams();
  if (state.mapping) params.set("mapping", state.mapping);
  if (state.object) params.set("object", state.object);
  if (state.expression) params.set("expression", state.expression);
  if (state.runId) params.set("run", state.runId);
  else if (state.userId) params.set("user", state.userId);
  for (const [attribute, value] of Object.entries(state.values))
    params.set(`${VALUE_PREFIX}${attribute}`, value);
  return params.toString();
}

/** The lab of a job, optionally opened on a session. */
export function expressionLabHref(spId: string, jobId: string, state: Partial<LabState> = {}): string {
  const query = labLinkQuery({ ...EMPTY_LAB, ...state });
  return `${appHref(spId)}/jobs/${encodeURIComponent(jobId)}/expressions${query ? `?${query}` : ""}`;
}

import "server-only";
import type { ItemPredicate } from "./filter-expression";
import { badRequest, unsupportedQuery } from "./graph-error";
import { searchWordsOf, toSearchWords } from "./lower-case-keys";
import type { ResourceSpec } from "./resources";

// Graph's directory $search: quoted "property:term" clauses joined by AND/OR; a term matches when
// the property has a word starting with it (tokenized, case-insensitive): "displayName:van" finds Adele Vance.

export function compileSearch<T extends object>(text: string, spec: ResourceSpec<T>): ItemPredicate<T> {
  // A clause is a quoted string in which \" and \\ stand for a quote and a backslash, as Graph documents.
  const clausePattern = /^\s*"((?:[^"\\]|\\.)*)"\s*/;
  let rest = text;
  const groups: ItemPredicate<T>[][] = [[]];
  for (;;) {
    const match = clausePattern.exec(rest);
    if (!match)
      throw badRequest(
        `Syntax error: $search must be one or more quoted "property:value" clauses, got '${text}'.`,
      );
    groups[groups.length - 1]!.push(clause(match[1]!.replace(/\\(.)/g, "$1"), spec));
    rest = rest.slice(match[0].length);
    if (rest === "") break;
    const joiner = /^(AND|OR)\s+/.exec(rest);
    if (!joiner) throw badRequest(`Syntax error: expected AND or OR between $search clauses in '${text}'.`);
    if (joiner[1] === "OR") groups.push([]);
    rest = rest.slice(joiner[0].length);
  }
  // AND binds tighter than OR, as in Graph.
  return (item) => groups.some((all) => all.every((p) => p(item)));
}

function clause<T extends object>(body: string, spec: ResourceSpec<T>): ItemPredicate<T> {
  const colon = body.indexOf(":");
  if (colon <= 0)
    throw badRequest(
      `Syntax error: the $search clause "${body}" must name a property, as in "displayName:${body}".`,
    );
  const name = body.slice(0, colon);
  const property = spec.searchable.find((p) => p.toLowerCase() === name.toLowerCase());
  const get = property ? spec.properties[property] : undefined;
  if (!property || !get)
    throw unsupportedQuery(`Unsupported property '${name}' in $search on resource '${spec.typeName}'.`);
  const term = toSearchWords(body.slice(colon + 1));
  if (term.trim() === "") return () => true;
  return (item) => {
    const value = get(item);
    return typeof value === "string" && searchWordsOf(item, property, value).includes(term);
  };
}

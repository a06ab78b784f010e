import { createRequire } from "node:module";
import ts from "typescript";

// Reads Microsoft's published Graph types (@microsoft/microsoft-graph-types and -beta) and tells
// which properties of an entity type are structural: those whose type is not another entity.
// CSDL navigation properties always point at entity types (which extend `Entity` in the typings);
// complex types such as appRole carry an `id` too but never extend `Entity`, so the test is the
// inheritance chain, not the shape.

export type GraphTypesPackage = "@microsoft/microsoft-graph-types" | "@microsoft/microsoft-graph-types-beta";

export interface GraphProperty {
  name: string;
  /** The property's type as written in the typings, e.g. `NullableOption<string>`. */
  type: string;
  navigation: boolean;
  /** The property's documentation, on one line. */
  description: string;
}

const require = createRequire(import.meta.url);
const cache = new Map<GraphTypesPackage, Map<string, ts.InterfaceDeclaration>>();
const sources = new Map<GraphTypesPackage, ts.SourceFile>();

function declarations(pkg: GraphTypesPackage) {
  let found = cache.get(pkg);
  if (found) return { found, source: sources.get(pkg)! };
  const path = require.resolve(`${pkg}/microsoft-graph.d.ts`);
  const source = ts.createSourceFile(path, ts.sys.readFile(path) ?? "", ts.ScriptTarget.Latest, true);
  found = new Map();
  const visit = (node: ts.Node, prefix: string) => {
    if (ts.isInterfaceDeclaration(node)) found!.set(prefix + node.name.text, node);
    if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body))
      for (const child of node.body.statements) visit(child, `${prefix}${node.name.getText(source)}.`);
  };
  for (const statement of source.statements) visit(statement, "");
  cache.set(pkg, found);
  sources.set(pkg, source);
  return { found, source };
}

/** The interface's own name without a namespace: `SecurityNamespace.Security` → `Security` is looked up both ways. */
function lookup(found: Map<string, ts.InterfaceDeclaration>, name: string, namespace: string) {
  return (
    found.get(`${namespace}${name}`) ?? found.get(name) ?? found.get(name.replace(/^microsoftgraph\./, ""))
  );
}

function namespaceOf(qualified: string) {
  const dot = qualified.lastIndexOf(".");
  return dot < 0 ? "" : qualified.slice(0, dot + 1);
}

function qualifiedName(found: Map<string, ts.InterfaceDeclaration>, declaration: ts.InterfaceDeclaration) {
  for (const [name, candidate] of found) if (candidate === declaration) return name;
  return declaration.name.text;
}

function extendsEntity(
  pkg: GraphTypesPackage,
  name: string,
  namespace: string,
  seen = new Set<string>(),
): boolean {
  const { found, source } = declarations(pkg);
  if (name === "Entity" || name.endsWith(".Entity")) return true;
  const declaration = lookup(found, name, namespace);
  if (!declaration) return false;
  const qualified = qualifiedName(found, declaration);
  if (seen.has(qualified)) return false;
  seen.add(qualified);
  return (declaration.heritageClauses ?? []).some((clause) =>
    clause.types.some((base) =>
      extendsEntity(pkg, base.expression.getText(source), namespaceOf(qualified), seen),
    ),
  );
}

function elementType(node: ts.TypeNode, source: ts.SourceFile): string {
  let current = node;
  for (;;) {
    if (ts.isTypeReferenceNode(current) && current.typeName.getText(source) === "NullableOption") {
      current = current.typeArguments![0]!;
    } else if (ts.isArrayTypeNode(current)) {
      current = current.elementType;
    } else if (ts.isParenthesizedTypeNode(current)) {
      current = current.type;
    } else return current.getText(source);
  }
}

/** Every property of the entity type, its base types' first (as Graph lists them), structural or not. */
export function graphTypeProperties(pkg: GraphTypesPackage, typeName: string): GraphProperty[] {
  const { found, source } = declarations(pkg);
  const declaration = found.get(typeName);
  if (!declaration) throw new Error(`${pkg} has no interface ${typeName}`);
  const base = declaration.heritageClauses?.[0]?.types[0]?.expression.getText(source);
  const inherited = base ? graphTypeProperties(pkg, base) : [];
  const own = declaration.members.filter(ts.isPropertySignature).map((member) => {
    const comment = source.getFullText().slice(member.getFullStart(), member.getStart());
    return {
      name: member.name.getText(source),
      type: member.type?.getText(source) ?? "unknown",
      navigation: member.type ? extendsEntity(pkg, elementType(member.type, source), "") : false,
      description: comment
        .replace(/^\s*(\/\*\*|\*\/|\*|\/\/)/gm, " ")
        .replace(/\s+/g, " ")
        .trim(),
    };
  });
  return [...inherited, ...own];
}

/** The names of the structural properties, in the typings' order. */
export function structuralPropertyNames(pkg: GraphTypesPackage, typeName: string): string[] {
  return graphTypeProperties(pkg, typeName)
    .filter((p) => !p.navigation)
    .map((p) => p.name);
}

export type FilterOperator = "eq" | "ne" | "not" | "ge" | "le" | "in" | "startsWith" | "endsWith" | "count";

const OPERATOR_WORDS: [RegExp, FilterOperator][] = [
  [/^\/\$count (eq|ne) 0$/, "count"],
  [/^startswith$/, "startsWith"],
  [/^endswith$/, "endsWith"],
  [/^(eq|ne|not|ge|le|in)\b/, "eq"],
];

/** The $filter operators each structural property supports, as its documentation in the typings says ("Supports $filter (eq, ne, …)"). */
export function documentedFilterOperators(typeName: string): Record<string, FilterOperator[]> {
  const table: Record<string, FilterOperator[]> = {};
  for (const pkg of ["@microsoft/microsoft-graph-types", "@microsoft/microsoft-graph-types-beta"] as const)
    for (const property of graphTypeProperties(pkg, typeName)) {
      if (property.navigation || table[property.name]) continue;
      const documented = /Supports \$filter \(([^)]*)\)/i.exec(property.description)?.[1];
      if (!documented) continue;
      const operators = new Set<FilterOperator>();
      for (const raw of documented.split(/,|\band\b/)) {
        const word = raw.trim().toLowerCase();
        for (const [pattern, operator] of OPERATOR_WORDS) {
          const match = pattern.exec(word);
          if (!match) continue;
          operators.add(operator === "eq" ? (match[1] as FilterOperator) : operator);
          break;
        }
      }
      if (operators.size > 0) table[property.name] = [...operators];
    }
  return table;
}

import "server-only";

import {
  scimPatch,
  ScimError as PatchLibraryError,
  type ScimPatchOperation,
  type ScimResource,
} from "scim-patch";

import { canonicalizePath, formatAttributePath, parseAttributePath } from "./attribute-path";
import { findExtension, type ResourceKind } from "./resource-kinds";
import { isPlainObject, normalizeResource, type ScimObject } from "./resource-normalization";
import { ScimError } from "./scim-error";

type Op = "add" | "remove" | "replace";

interface Operation {
  op: Op;
  path?: string;
  value?: unknown;
}

type PathOperation = Operation & { path: string };

function readOperations(body: unknown): Operation[] {
  if (!isPlainObject(body))
    throw ScimError.badRequest(
      "invalidSyntax",
      "A PATCH body must be a JSON object with an Operations array.",
    );
  const key = Object.keys(body).find((name) => name.toLowerCase() === "operations");
  const operations = key === undefined ? undefined : body[key];
  if (!Array.isArray(operations))
    throw ScimError.badRequest("invalidSyntax", 'A PATCH body must have an "Operations" array.');
  return operations.map((raw, index) => {
    const where = `Operation ${index + 1}`;
    if (!isPlainObject(raw)) throw ScimError.badRequest("invalidSyntax", `${where} must be a JSON object.`);
    // Entra sends "Add", "Replace", "Remove"; RFC 7644 says op names are case-insensitive.
    const op = typeof raw.op === "string" ? raw.op.toLowerCase() : undefined;
    if (op !== "add" && op !== "remove" && op !== "replace") {
      throw ScimError.badRequest(
        "invalidSyntax",
        `${where} has op ${JSON.stringify(raw.op)}; expected "add", "remove" or "replace".`,
      );
    }
    if (raw.path !== undefined && raw.path !== null && typeof raw.path !== "string") {
      throw ScimError.badRequest("invalidPath", `${where} has a path that is not a string.`);
    }
    const path = typeof raw.path === "string" && raw.path.trim() !== "" ? raw.path : undefined;
    if (op === "remove" && path === undefined)
      throw ScimError.badRequest("noTarget", `${where} is a remove without a path.`);
    if (op !== "remove" && !("value" in raw))
      throw ScimError.badRequest("invalidSyntax", `${where} (${op}) has no value.`);
    return { op, path, value: raw.value };
  });
}

const IGNORED_IN_VALUE_OBJECT = new Set(["schemas", "id", "meta"]);

/** A path-less add/replace names attributes in its value object; each becomes an operation with a path. */
function expandPathless(kind: ResourceKind, operation: Operation): PathOperation[] {
  if (!isPlainObject(operation.value)) {
    throw ScimError.badRequest(
      "invalidValue",
      `An ${operation.op} without a path needs an object of attributes as its value.`,
    );
  }
  return Object.entries(operation.value).flatMap(([key, value]) => {
    const extension = findExtension(kind, key);
    if (extension && isPlainObject(value)) {
      return Object.entries(value).map(([name, inner]) => ({
        op: operation.op,
        path: `${extension.id}:${name}`,
        value: inner,
      }));
    }
    // Clients echo id and schemas in the object (Microsoft's validator does); they are not changes.
    return IGNORED_IN_VALUE_OBJECT.has(key.toLowerCase()) ? [] : [{ op: operation.op, path: key, value }];
  });
}

/** Adapts one operation with a path to what scim-patch applies: canonical path, Entra's value shapes. */
function adapt(kind: ResourceKind, operation: PathOperation): ScimPatchOperation[] {
  const { path, resolved, subDefinition } = canonicalizePath(kind, parseAttributePath(operation.path));
  const definition = resolved?.definition;
  const readOnly = [definition, subDefinition].find((candidate) => candidate?.mutability === "readOnly");
  if (readOnly) throw new ScimError(400, "mutability", `Attribute "${readOnly.name}" is read-only.`);
  const target = formatAttributePath(path);
  const addressesWhole = path.filter === null && path.subAttribute === null;

  if (operation.op === "remove") {
    const items = Array.isArray(operation.value)
      ? operation.value
      : operation.value === undefined
        ? []
        : [operation.value];
    // Removing `[{"value": id}]` from members means "the elements with that value", whatever else they hold.
    if (
      definition?.multiValued &&
      addressesWhole &&
      items.length > 0 &&
      items.every((item) => isPlainObject(item) && "value" in item)
    ) {
      return items.map((item) => ({
        op: "remove",
        path: `${target}[value eq ${JSON.stringify((item as ScimObject).value)}]`,
      }));
    }
    return [
      { op: "remove", path: target, ...(operation.value === undefined ? {} : { value: operation.value }) },
    ];
  }

  let value = operation.value;
  if (definition?.type === "complex" && !definition.multiValued && addressesWhole) {
    // Entra writes manager as "<id>", {"value": "<id>"} or [{"value": "<id>"}].
    if (Array.isArray(value) && value.length === 1) value = value[0];
    if (typeof value === "string") value = { value };
  }
  if (value === null && !(definition?.multiValued && !addressesWhole))
    return [{ op: "remove", path: target }];
  return [{ op: operation.op, path: target, value }];
}

function toLibraryOperations(kind: ResourceKind, operations: Operation[]): ScimPatchOperation[] {
  return operations
    .flatMap((operation) =>
      operation.path === undefined
        ? expandPathless(kind, operation)
        : [{ ...operation, path: operation.path }],
    )
    .flatMap((operation) => adapt(kind, operation));
}

/**
 * Applies a SCIM PatchOp body (RFC 7644 §3.5.2) as Entra sends it and returns the normalized result;
 * the current resource is not modified.
 */
export function applyPatch(kind: ResourceKind, current: ScimObject, body: unknown): ScimObject {
  const operations = toLibraryOperations(kind, readOperations(body));
  const working = structuredClone(current) as unknown as ScimResource;
  try {
    scimPatch(working, operations, { mutateDocument: true, treatMissingAsAdd: true });
  } catch (error) {
    if (error instanceof PatchLibraryError)
      throw ScimError.badRequest(error.scimCode === "noTarget" ? "noTarget" : "invalidPath", error.message);
    throw ScimError.badRequest(
      "invalidValue",
      `The PATCH operations cannot be applied: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return normalizeResource(kind, working);
}

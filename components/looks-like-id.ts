import { distinguishedNameProblem } from "@/lib/provisioning/distinguished-name";

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const SECURITY_IDENTIFIER = /^S-1-\d+(-\d+)+$/;
/** A job id, a base64 anchor, a hash: one long word of id characters with a digit in it. */
const OPAQUE_TOKEN = /^(?=.*\d)[A-Za-z0-9+/=._-]{24,}$/;

/** Whether an attribute's value is an id a person does not read (shown as IdText) rather than words. */
export function looksLikeId(value: string): boolean {
  if ([GUID, SECURITY_IDENTIFIER, OPAQUE_TOKEN].some((pattern) => pattern.test(value))) return true;
  // An AD distinguished name of two parts or more (escaped commas and all), as the DN field reads it.
  return value.includes("=") && value.includes(",") && distinguishedNameProblem(value) === null;
}

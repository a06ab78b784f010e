const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const DISTINGUISHED_NAME = /^[a-z]+=[^,]+(,\s*[a-z]+=[^,]+)+$/i;
const SECURITY_IDENTIFIER = /^S-1-\d+(-\d+)+$/;
/** A job id, a base64 anchor, a hash: one long word of id characters with a digit in it. */
const OPAQUE_TOKEN = /^(?=.*\d)[A-Za-z0-9+/=._-]{24,}$/;

/** Whether an attribute's value is an id a person does not read (shown as IdText) rather than words. */
export function looksLikeId(value: string): boolean {
  return [GUID, DISTINGUISHED_NAME, SECURITY_IDENTIFIER, OPAQUE_TOKEN].some((pattern) => pattern.test(value));
}

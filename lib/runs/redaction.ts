import "server-only";

export const REDACTED = "[redacted]";

/**
 * Attributes whose values a redacted share hides: security identifiers, password timestamps,
 * mailbox GUIDs and hashes, immutable anchors, certificates and photos. Compared without case.
 */
export const DEFAULT_REDACTED_ATTRIBUTES = [
  "objectSid",
  "OnPremiseSecurityIdentifier",
  "onPremisesSecurityIdentifier",
  "securityIdentifier",
  "sidHistory",
  "pwdLastSet",
  "LastPasswordChangeTimestamp",
  "lastPasswordChangeDateTime",
  "passwordProfile",
  "unicodePwd",
  "objectGUID",
  "mS-DS-ConsistencyGuid",
  "sourceAnchor",
  "SourceAnchorBinary",
  "onPremisesImmutableId",
  "ImmutableId",
  "msExchMailboxGuid",
  "msExchArchiveGUID",
  "msExchSafeSendersHash",
  "msExchSafeRecipientsHash",
  "msExchBlockedSendersHash",
  "userCertificate",
  "userSMIMECertificate",
  "thumbnailPhoto",
  "employeeHireDate",
  "employeeLeaveDateTime",
];

/** Whole families: any custom security attribute, anything named like a hash or a password. */
const REDACTED_PATTERNS = [/^customSecurityAttributes?\b/i, /password/i, /hash$/i];

export type SensitiveAttributeTest = (name: string) => boolean;

export function sensitiveAttributeTest(names: readonly string[]): SensitiveAttributeTest {
  const exact = new Set(names.map((name) => name.toLowerCase()));
  return (name) => exact.has(name.toLowerCase()) || REDACTED_PATTERNS.some((pattern) => pattern.test(name));
}

const VALUE_KEYS = ["value", "oldValue", "newValue", "values"];
const NAME_KEYS = ["name", "displayName", "key"];

/**
 * A copy of any JSON value with sensitive values replaced: object keys named like a sensitive
 * attribute, and name/value pairs (modified properties, details lists) whose name is sensitive.
 * JSON carried inside strings (Graph's key and value) is decoded, redacted and encoded again.
 */
export function redactSensitive(value: unknown, isSensitive: SensitiveAttributeTest): unknown {
  if (typeof value === "string") return redactJsonText(value, isSensitive);
  if (Array.isArray(value)) return value.map((item) => redactSensitive(item, isSensitive));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const pairName = NAME_KEYS.map((key) => record[key]).find(
    (name): name is string => typeof name === "string",
  );
  const pairIsSensitive = pairName !== undefined && isSensitive(pairName);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    if (
      isSensitive(key) ||
      (pairIsSensitive && VALUE_KEYS.includes(key) && item !== null && item !== undefined)
    ) {
      copy[key] = REDACTED;
    } else {
      copy[key] = redactSensitive(item, isSensitive);
    }
  }
  return copy;
}

function redactJsonText(text: string, isSensitive: SensitiveAttributeTest): string {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return text;
  try {
    return JSON.stringify(redactSensitive(JSON.parse(text), isSensitive));
  } catch {
    return text;
  }
}

import "server-only";
import { identifierReplacer } from "./identifier-forms";

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

/** Told each value a redaction hid, so its other encodings can be hidden wherever they appear. */
type Hidden = (value: string) => void;

function collect(value: unknown, hidden: Hidden | undefined) {
  if (!hidden) return;
  if (typeof value === "string" || typeof value === "number") hidden(String(value));
  else if (Array.isArray(value)) value.forEach((item) => collect(item, hidden));
}

/**
 * A copy of any JSON value with sensitive values replaced: object keys named like a sensitive
 * attribute, and name/value pairs (modified properties, details lists) whose name is sensitive.
 * JSON carried inside strings (Graph's key and value) is decoded, redacted and encoded again.
 */
export function redactSensitive(
  value: unknown,
  isSensitive: SensitiveAttributeTest,
  hidden?: Hidden,
): unknown {
  if (typeof value === "string") return redactJsonText(value, isSensitive, hidden);
  if (Array.isArray(value)) return value.map((item) => redactSensitive(item, isSensitive, hidden));
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
      collect(item, hidden);
      copy[key] = REDACTED;
    } else {
      copy[key] = redactSensitive(item, isSensitive, hidden);
    }
  }
  return copy;
}

function redactJsonText(text: string, isSensitive: SensitiveAttributeTest, hidden?: Hidden): string {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return text;
  try {
    return JSON.stringify(redactSensitive(JSON.parse(text), isSensitive, hidden));
  } catch {
    return text;
  }
}

/** A copy of a JSON value with `replace` applied to every string in it, keys included. */
function mapStrings(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === "string") return replace(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, replace));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      replace(key),
      mapStrings(item, replace),
    ]),
  );
}

/**
 * A run as a redacted share shows it. Sensitive attributes are hidden by name, and then every
 * value they held is hidden everywhere else in the run, in each of its encodings: Cloud Sync writes
 * objectGUID as base64 in the details while the summary, `source.id` and `sourceIdentity.id` name the
 * same object by its GUID text, and a SID comes both as base64 and as S-1-5-…. The source of an
 * on-premises user *is* its objectGUID, so it is hidden whenever objectGUID is.
 */
export function redactRun<Run extends { request: { subject: { kind: string } }; result: unknown }>(
  run: Run,
  isSensitive: SensitiveAttributeTest,
): Run {
  const values = new Set<string>();
  const byName = redactSensitive(run, isSensitive, (value) => values.add(value));
  if (run.request.subject.kind === "onPremisesUser" && isSensitive("objectGUID")) {
    const reports = (run.result as { reports?: { source?: { id?: unknown } }[] } | null)?.reports ?? [];
    for (const report of reports) if (typeof report.source?.id === "string") values.add(report.source.id);
  }
  if (values.size === 0) return byName as Run;
  return mapStrings(byName, identifierReplacer(values, REDACTED)) as Run;
}

import {
  decodeJson,
  describeKind,
  fieldIgnoringCase,
  isRecord,
  nullableText,
  preview,
  type JsonRecord,
} from "./field-text";
import { combineOutcomes, isKnownOutcomeText, normaliseOutcome } from "./outcome";
import { looksLikeReport, parseReport } from "./parse-report";
import type { Outcome, ProvisioningReport, ProvisioningResult, WireShape } from "./result";

// e.g. Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo
const TYPE_NAME = /^[A-Za-z_][\w`]*(\.[A-Za-z_][\w`]*)*$/;
const JSON_LITERALS = new Set(["true", "false", "null"]);

type DecodedKey =
  | { kind: "verdict"; verdict: JsonRecord; raw: unknown }
  | { kind: "type-name"; typeName: string; raw: string }
  | { kind: "missing" }
  | { kind: "unreadable"; raw: unknown };

type DecodedValue =
  | { readable: true; reports: ProvisioningReport[]; raw: unknown }
  | { readable: false; reports: ProvisioningReport[]; raw: unknown };

/**
 * Turns the answer of provisionOnDemand (`{ key, value }`, both usually JSON text) into a
 * ProvisioningResult. Never throws: what it cannot understand becomes a warning, with the raw text kept.
 */
export function parseProvisionOnDemandResponse(body: unknown): ProvisioningResult {
  try {
    return parseBody(body);
  } catch (error) {
    // Only reachable through hostile inputs such as throwing getters; the answer stays visible.
    return unreadableBody(body, `The answer could not be read (${messageOf(error)}).`, []);
  }
}

function parseBody(body: unknown): ProvisioningResult {
  const warnings: string[] = [];
  let container = body;
  if (typeof body === "string") {
    const decoded = decodeJson(body);
    if (!decoded.ok) {
      return unreadableBody(body, `The answer is not JSON (${decoded.reason}): ${preview(body)}.`, warnings);
    }
    container = decoded.value;
  }
  if (!isRecord(container)) {
    return unreadableBody(
      body,
      `The answer is ${describeKind(container)}, not an object with "key" and "value".`,
      warnings,
    );
  }

  const keyField = fieldIgnoringCase(container, "key");
  const valueField = fieldIgnoringCase(container, "value");
  if (keyField === undefined && valueField === undefined) {
    return (
      graphErrorResult(container, body) ??
      unreadableBody(body, `The answer has no "key" and no "value".`, warnings)
    );
  }

  const key = decodeKey(keyField, warnings);
  const value = decodeValue(valueField, warnings);
  const verdict = key.kind === "verdict" ? key.verdict : null;
  const resultText = verdict ? nullableText(verdict.result) : null;
  const outcome = outcomeOf(key, value, resultText, warnings);
  const { errorCode, errorMessage } = errorOf(verdict, value.reports);

  return {
    outcome,
    resultText,
    errorCode,
    errorMessage,
    reports: value.reports,
    warnings,
    wireShape: wireShapeOf(key),
    keyTypeName: key.kind === "type-name" ? key.typeName : null,
    odataContext: nullableText(container["@odata.context"]),
    raw: { key: key.kind === "missing" ? null : key.raw, value: value.raw },
  };
}

function decodeKey(key: unknown, warnings: string[]): DecodedKey {
  if (key === undefined || key === null) {
    warnings.push(`The answer has no "key"; the outcome is taken from the reports.`);
    return { kind: "missing" };
  }
  if (isRecord(key)) return { kind: "verdict", verdict: key, raw: key };
  if (typeof key !== "string") {
    warnings.push(`The "key" is ${describeKind(key)}, neither a JSON verdict nor a type name.`);
    return { kind: "unreadable", raw: key };
  }
  const text = key.trim();
  if (TYPE_NAME.test(text) && !JSON_LITERALS.has(text))
    return { kind: "type-name", typeName: text, raw: key };
  const decoded = decodeJson(text);
  if (!decoded.ok) {
    warnings.push(`The "key" is not valid JSON and may be cut short (${decoded.reason}): ${preview(key)}.`);
    return { kind: "unreadable", raw: key };
  }
  if (!isRecord(decoded.value)) {
    warnings.push(`The "key" holds ${describeKind(decoded.value)}, not a verdict object: ${preview(key)}.`);
    return { kind: "unreadable", raw: key };
  }
  return { kind: "verdict", verdict: decoded.value, raw: decoded.value };
}

function decodeValue(value: unknown, warnings: string[]): DecodedValue {
  if (value === undefined || value === null) {
    warnings.push(`The answer has no "value", so there are no per-object reports.`);
    return { readable: true, reports: [], raw: null };
  }
  let decoded: unknown = value;
  if (typeof value === "string") {
    const json = decodeJson(value);
    if (!json.ok) {
      warnings.push(
        `The "value" is not valid JSON and may be cut short (${json.reason}): ${preview(value)}.`,
      );
      return { readable: false, reports: [], raw: value };
    }
    decoded = json.value;
  }
  if (Array.isArray(decoded)) return reportsFromList(decoded, warnings);
  if (isRecord(decoded)) {
    // "{}" is the documented answer when nothing is reported, e.g. for a group.
    if (Object.keys(decoded).length === 0) return { readable: true, reports: [], raw: decoded };
    if (looksLikeReport(decoded)) {
      return { readable: true, reports: [parseReport(decoded, "value", warnings)], raw: decoded };
    }
    warnings.push(`The "value" is an object without any provisioning report fields.`);
    return { readable: false, reports: [], raw: decoded };
  }
  warnings.push(`The "value" holds ${describeKind(decoded)}, not a report or a list of reports.`);
  return { readable: false, reports: [], raw: value };
}

function reportsFromList(list: readonly unknown[], warnings: string[]): DecodedValue {
  const reports: ProvisioningReport[] = [];
  let readable = true;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (isRecord(item) && looksLikeReport(item)) {
      reports.push(parseReport(item, `value[${i}]`, warnings));
    } else {
      readable = false;
      warnings.push(`value[${i}] is ${describeKind(item)}, not a provisioning report; it was left out.`);
    }
  }
  return { readable, reports, raw: list };
}

function outcomeOf(
  key: DecodedKey,
  value: DecodedValue,
  resultText: string | null,
  warnings: string[],
): Outcome {
  if (key.kind === "unreadable" || !value.readable) return "Unknown";
  if (resultText !== null) {
    if (!isKnownOutcomeText(resultText)) warnings.push(`The result "${resultText}" is not a known outcome.`);
    return normaliseOutcome(resultText);
  }
  if (value.reports.length === 0) {
    warnings.push(`Neither a result nor any report says how provisioning went.`);
    return "Unknown";
  }
  return combineOutcomes(value.reports.map((report) => report.status));
}

/** The code and message that explain the outcome: the verdict's, else a report's error, else a skip reason. */
export function errorOf(
  verdict: JsonRecord | null,
  reports: readonly ProvisioningReport[],
): { errorCode: string | null; errorMessage: string | null } {
  const details = isRecord(verdict?.details) ? verdict.details : null;
  const verdictMessage = nonEmpty(details?.errorMessage) ?? nonEmpty(verdict?.errorMessage);
  const verdictCode = nonEmpty(details?.errorCode) ?? nonEmpty(verdict?.errorCode);
  if (verdictCode !== null) return { errorCode: verdictCode, errorMessage: verdictMessage };

  for (const report of reports) {
    const code = nonEmpty(report.statusInfo.errorCode);
    if (code !== null) {
      const message = nonEmpty(report.statusInfo.reason) ?? nonEmpty(report.statusInfo.additionalDetails);
      return { errorCode: code, errorMessage: verdictMessage ?? message };
    }
  }
  for (const report of reports) {
    for (const step of report.steps) {
      const skipReason = nonEmpty(step.details.SkipReason);
      if (skipReason !== null) {
        return { errorCode: skipReason, errorMessage: verdictMessage ?? nonEmpty(step.description) };
      }
    }
  }
  return { errorCode: null, errorMessage: verdictMessage };
}

function nonEmpty(value: unknown): string | null {
  const text = nullableText(value);
  return text === null || text.trim() === "" ? null : text;
}

function wireShapeOf(key: DecodedKey): WireShape {
  if (key.kind === "verdict") return "json-key";
  if (key.kind === "type-name") return "type-name-key";
  return "unrecognised";
}

/** A Graph error body (`{"error":{"code","message"}}`) handed to the parser instead of a result. */
function graphErrorResult(container: JsonRecord, body: unknown): ProvisioningResult | null {
  const error = container.error;
  if (!isRecord(error)) return null;
  return {
    ...emptyResult(body),
    outcome: "Failure",
    errorCode: nonEmpty(error.code),
    errorMessage: nonEmpty(error.message),
    warnings: ["Graph answered with an error instead of a provisioning result."],
  };
}

function unreadableBody(body: unknown, warning: string, warnings: string[]): ProvisioningResult {
  return { ...emptyResult(body), warnings: [...warnings, warning] };
}

function emptyResult(body: unknown): ProvisioningResult {
  return {
    outcome: "Unknown",
    resultText: null,
    errorCode: null,
    errorMessage: null,
    reports: [],
    warnings: [],
    wireShape: "unrecognised",
    keyTypeName: null,
    odataContext: null,
    raw: { key: null, value: null, body },
  };
}

function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : "unexpected error";
  } catch {
    return "unexpected error";
  }
}

"use client";
import { useCallback, useSyncExternalStore } from "react";
import type { DemoScenario } from "@/lib/api/contracts";

// The story last set up in this tab, so the provision page (and the job's health page) can say
// what the audience will see. Per tab: two windows can tell two stories.
const KEY = "console-demo-scenario";
const CHANGED = "console-demo-scenario-changed";

let cachedText: string | null = null;
let cached: DemoScenario | null = null;

function read(): DemoScenario | null {
  let text: string | null;
  try {
    text = sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (text !== cachedText) {
    cachedText = text;
    const stored = text === null ? null : safeJson(text);
    cached = isStoredScenario(stored) ? stored : null;
  }
  return cached;
}

/**
 * What this tab stored is the server's validated answer; a hand-edited value without the fields the
 * banner reads is dropped (a light check keeps the contracts' zod out of the browser).
 */
function isStoredScenario(value: unknown): value is DemoScenario {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    ["id", "title", "story", "promise"].every((key) => typeof v[key] === "string") &&
    Array.isArray(v.nextSteps) &&
    v.nextSteps.every((step) => typeof step === "string")
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
}

export function rememberScenario(scenario: DemoScenario | null): void {
  try {
    if (scenario) sessionStorage.setItem(KEY, JSON.stringify(scenario));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused: the banner is not shown; the tenant is set up all the same.
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function useActiveScenario(): [DemoScenario | null, () => void] {
  const scenario = useSyncExternalStore(subscribe, read, () => null);
  const dismiss = useCallback(() => rememberScenario(null), []);
  return [scenario, dismiss];
}

"use client";
import { useCallback, useSyncExternalStore } from "react";
import { demoScenario, type DemoScenario } from "@/lib/api/contracts";

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
    const parsed = text === null ? null : demoScenario.safeParse(safeJson(text));
    cached = parsed?.success ? parsed.data : null;
  }
  return cached;
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

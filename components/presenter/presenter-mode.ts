"use client";
import { useCallback, useSyncExternalStore } from "react";
import { PRESENTER_ATTRIBUTE, PRESENTER_STORAGE_KEY } from "./presenter-attribute";

const CHANGED = "console-presenter-mode-changed";

function subscribe(onChange: () => void): () => void {
  // Another tab's choice arrives as a storage event; this tab's as our own event.
  const fromStorage = (event: StorageEvent) => {
    if (event.key !== PRESENTER_STORAGE_KEY) return;
    apply(event.newValue === "on");
    onChange();
  };
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", fromStorage);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", fromStorage);
  };
}

function apply(on: boolean): void {
  if (on) document.documentElement.setAttribute(PRESENTER_ATTRIBUTE, "on");
  else document.documentElement.removeAttribute(PRESENTER_ATTRIBUTE);
}

const current = () => document.documentElement.getAttribute(PRESENTER_ATTRIBUTE) === "on";

/** Presenter mode (ids hidden, the result enlarged), remembered in this browser. */
export function usePresenterMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, current, () => false);
  const set = useCallback((next: boolean) => {
    try {
      if (next) localStorage.setItem(PRESENTER_STORAGE_KEY, "on");
      else localStorage.removeItem(PRESENTER_STORAGE_KEY);
    } catch {
      // Storage refused (private mode): the choice holds for this page only.
    }
    apply(next);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [on, set];
}

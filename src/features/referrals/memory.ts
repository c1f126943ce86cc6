import { useCallback, useState } from "react";

// The referral draft survives switching tabs (the feature unmounts) but lives in memory only:
// never storage, gone on reload. Keyed by patient id, so one patient's answers can never show
// for another.

const memory = new Map<string, unknown>();

export function useRemembered<T>(
  key: string,
  initial: () => T,
): [T, (update: (s: T) => T) => void] {
  const [state, setState] = useState<T>(() => (memory.get(key) as T | undefined) ?? initial());
  const update = useCallback(
    (fn: (s: T) => T) =>
      setState((prev) => {
        const next = fn(prev);
        memory.set(key, next);
        return next;
      }),
    [key],
  );
  return [state, update];
}

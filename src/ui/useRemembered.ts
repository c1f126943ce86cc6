import { useCallback, useState } from "react";

// Feature state (the guide, a referral draft) survives switching tabs, when the feature
// unmounts, but lives in memory only: never storage, gone on reload. It is keyed by the
// patient id, so one patient's answers can never show for another.

const memory = new Map<string, unknown>();

export function useRemembered<T>(
  scope: string,
  patientId: string,
  initial: () => T,
): [T, (update: (s: T) => T) => void] {
  const key = `${scope}:${patientId}`;
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

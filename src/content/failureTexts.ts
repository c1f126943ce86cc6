import type * as FailureTextsModule from "./failures";

// The failure panel's texts (./failures.ts, every failure kind in every staff language, ~5 KB
// gz) are a chunk of their own, kept out of the first screen: the shell loads them once the
// first screen is committed (src/app/App.tsx), and launch.html prefetches them with the app
// (vite.config.ts), so a failure later on is explained even with the network gone.

export type FailureTexts = typeof FailureTextsModule;

let loaded: FailureTexts | null = null;
let loading: Promise<FailureTexts> | null = null;

export function loadFailureTexts(): Promise<FailureTexts> {
  loading ??= import("./failures").then(
    (texts) => (loaded = texts),
    (error: unknown) => {
      // Not kept: a later panel asks again. (A browser may remember a failed module load for
      // the page's life, Chromium among them; then the panels keep saying so, with their retry.)
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The texts when already loaded, else null. */
export function failureTextsIfLoaded(): FailureTexts | null {
  return loaded;
}

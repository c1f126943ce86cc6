import { createContext, useContext } from "react";
import type { UiLanguage } from "../content/lang";

// The staff-facing language, chosen in the header (browser language first). Held in memory
// only: it is not stored anywhere, so a shared workstation keeps no trace of who used it.

export const StaffLanguageContext = createContext<UiLanguage>("en");

export function useStaffLanguage(): UiLanguage {
  return useContext(StaffLanguageContext);
}

/**
 * Every staff text source has one shape: a table per staff language (docs/ARCHITECTURE.md,
 * "Staff text"). Each feature keeps its own tables, so they load with the feature.
 */
export type TextSource<T> = Readonly<Record<UiLanguage, T>>;

/** A component's staff text, in the language chosen in the header: `useText(WORKLIST_TEXT)`. */
export function useText<T>(source: TextSource<T>): T {
  return source[useStaffLanguage()];
}

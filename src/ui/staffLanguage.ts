import { createContext, useContext } from "react";
import type { UiLanguage } from "../content/lang";

// The staff-facing language, chosen in the header (browser language first). Held in memory
// only: it is not stored anywhere, so a shared workstation keeps no trace of who used it.

export const StaffLanguageContext = createContext<UiLanguage>("en");

export function useStaffLanguage(): UiLanguage {
  return useContext(StaffLanguageContext);
}

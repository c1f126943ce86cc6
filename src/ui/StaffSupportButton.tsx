import type { UiLanguage } from "../content/lang";
import { useText } from "./staffLanguage";

// The header / error-screen button that opens the staff support page (src/ui/StaffSupport.tsx,
// loaded when opened). Only its label is in the first screen's code.
const LABEL: Record<UiLanguage, string> = { en: "Staff support", es: "Apoyo al personal" };

export function StaffSupportButton({ open, onOpen }: { open: boolean; onOpen: () => void }) {
  const label = useText(LABEL);
  return (
    <button type="button" className="staff-support-button" aria-pressed={open} onClick={onOpen}>
      {label}
    </button>
  );
}

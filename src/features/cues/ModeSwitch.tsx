import { STAFF_TEXT } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import type { Mode } from "./draft";

/** Full guide or universal education only; the full guide is disabled, with why, for a role without it. */
export function ModeSwitch({
  mode,
  fullGuide,
  onChange,
}: {
  mode: Mode;
  fullGuide: boolean;
  onChange: (mode: Mode) => void;
}) {
  const t = useText(STAFF_TEXT);
  return (
    <fieldset className="mode-switch">
      <legend>{t.modeLegend}</legend>
      {(["full", "education"] as const).map((m) => (
        <label key={m}>
          <input
            type="radio"
            name="guide-mode"
            checked={mode === m}
            // The full guide (support, referral) is not this role's to open.
            disabled={m === "full" && !fullGuide}
            aria-describedby={m === "full" && !fullGuide ? "guide-mode-role" : undefined}
            onChange={() => onChange(m)}
          />
          {m === "full" ? t.modeFull : t.modeEducation}
        </label>
      ))}
      {!fullGuide && (
        <p id="guide-mode-role" className="hint">
          {t.modeRoleEducationOnly}
        </p>
      )}
    </fieldset>
  );
}

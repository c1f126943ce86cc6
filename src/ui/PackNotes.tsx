import { languageName, packStatus, STAFF_TEXT } from "../content/packs/index";
import { useStaffLanguage, useText } from "./staffLanguage";

/**
 * What the clinician must know about the patient-facing pack in use: that no native speaker has
 * reviewed it yet, and which parts are shown in English because the pack lacks them (never a
 * blank). Nothing when the pack is reviewed and complete, or when there is no pack.
 */
export function PackNotes({ language }: { language: string }) {
  const staffLang = useStaffLanguage();
  const t = useText(STAFF_TEXT);
  const status = packStatus(language);
  if (!status) return null;
  const name = languageName(language, staffLang);
  // Grouped by entry ("safetyQuestions", not each of its 26 lines); staff text is not the
  // patient's language and has its own fallback.
  const parts = [
    ...new Set(
      status.fallback
        .filter((key) => key.startsWith("patient."))
        .map((key) => key.split(".")[1] ?? key),
    ),
  ];
  return (
    <>
      {!status.reviewed && (
        <p className="hint pack-note" role="note" data-testid="pack-review-note">
          {t.reviewPending(name)}
        </p>
      )}
      {parts.length > 0 && (
        <div className="hint pack-note" role="note" data-testid="pack-fallback-note">
          <p>{t.fallbackNote(name, parts.length)}</p>
          <ul>
            {parts.map((part) => (
              <li key={part}>
                <code>{part}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/**
 * The staff's own language: when its pack lacks staff entries, they show in English (never a
 * blank) and this note says which, as PackNotes does for the patient-facing text. Nothing for
 * English or a complete pack.
 */
export function StaffPackNote() {
  const staffLang = useStaffLanguage();
  const t = useText(STAFF_TEXT);
  const status = packStatus(staffLang);
  if (!status) return null;
  const parts = [
    ...new Set(
      status.fallback
        .filter((key) => key.startsWith("staff."))
        .map((key) => key.split(".")[1] ?? key),
    ),
  ];
  if (parts.length === 0) return null;
  return (
    <div className="hint pack-note" role="note" data-testid="staff-pack-fallback-note">
      <p>{t.staffFallbackNote(languageName(staffLang, staffLang), parts.length)}</p>
      <ul>
        {parts.map((part) => (
          <li key={part}>
            <code>{part}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

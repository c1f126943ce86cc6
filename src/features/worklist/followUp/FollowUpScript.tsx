import { languageName, packFor, packStatus, STAFF_TEXT } from "../../../content/packs/index";
import { WORKLIST_TEXT } from "../strings";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

/**
 * A way to ask how the referral went, in the patient's language: the content pack's
 * `patient.followUpScript` (public/content/<lang>.json, editable without a rebuild). A language
 * whose pack lacks it, or that has no pack, gets the English wording and the interpreter hint;
 * a pack no native speaker has reviewed says so.
 */
export function FollowUpScript({ language }: { language: string | undefined }) {
  const t = useText(WORKLIST_TEXT);
  const staff = useText(STAFF_TEXT);
  const staffLang = useStaffLanguage();
  const code = language ?? "en";
  const name = languageName(code, staffLang);
  const status = packStatus(code);
  const own = status !== null && !status.fallback.includes("patient.followUpScript");
  return (
    <section data-testid="follow-up-script">
      <h3>{t.promptScript(name)}</h3>
      {own ? (
        <>
          <p lang={code}>
            <q>{packFor(code).patient.followUpScript}</q>
          </p>
          {!status.reviewed && (
            <p className="hint" role="note" data-testid="follow-up-review-note">
              {staff.reviewPending(name)}
            </p>
          )}
        </>
      ) : (
        <>
          <p>{t.promptScriptMissing(name)}</p>
          <p lang="en">
            <q>{packFor("en").patient.followUpScript}</q>
          </p>
        </>
      )}
    </section>
  );
}

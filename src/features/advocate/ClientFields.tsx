import { useSession } from "../../app/session";
import { languageName } from "../../content/packs/index";
import type { ReferralBackDraft } from "../../domain/incomingReferral";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { TextField, type FieldHelp } from "./referBackFields";
import { REFER_BACK_TEXT } from "./referBackStrings";

// Who the client is, for the clinic to find or register them: name, date of birth, language.

export function ClientFields({
  draft,
  set,
  help,
}: {
  draft: ReferralBackDraft;
  set: (change: Partial<ReferralBackDraft>) => void;
  help: FieldHelp;
}) {
  const t = useText(REFER_BACK_TEXT);
  const session = useSession();
  const lang = useStaffLanguage();
  return (
    <fieldset>
      <legend>{t.client}</legend>
      <TextField
        help={help}
        name="givenName"
        label={t.givenName}
        maxLength={100}
        value={draft.givenName}
        onChange={(givenName) => set({ givenName })}
        showProblems={false}
      />
      <TextField
        help={help}
        name="familyName"
        label={t.familyName}
        maxLength={100}
        value={draft.familyName}
        onChange={(familyName) => set({ familyName })}
        problemOf="givenName"
      />
      <TextField
        help={help}
        name="birthDate"
        type="date"
        label={t.birthDate}
        value={draft.birthDate}
        onChange={(birthDate) => set({ birthDate })}
      />
      <p className="field">
        <label htmlFor={help.id("language")}>{t.language}</label>{" "}
        <select
          id={help.id("language")}
          name="language"
          value={draft.language}
          onChange={(e) => set({ language: e.target.value })}
        >
          <option value="">{t.notAsked}</option>
          {session.clinic.languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l, lang)}
            </option>
          ))}
        </select>
      </p>
    </fieldset>
  );
}

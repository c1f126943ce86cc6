import type { ReferralBackDraft } from "../../domain/incomingReferral";
import type { FieldHelp } from "./referBackFields";
import { REFER_BACK_TEXT } from "./referBackStrings";
import { useText } from "../../ui/staffLanguage";

// The client's consent to share with the clinic, and for how many days.

export function ConsentFields({
  draft,
  set,
  help,
  clinicName,
}: {
  draft: ReferralBackDraft;
  set: (change: Partial<ReferralBackDraft>) => void;
  help: FieldHelp;
  clinicName: string;
}) {
  const t = useText(REFER_BACK_TEXT);
  return (
    <fieldset>
      <legend>{t.consent}</legend>
      <label className="choice">
        <input
          type="checkbox"
          name="consent"
          checked={draft.consent}
          {...help.invalid("consent")}
          onChange={(e) => set({ consent: e.target.checked })}
        />{" "}
        {t.consentText(clinicName, draft.consentDays)}
      </label>{" "}
      {help.problemText("consent")}
      <p className="field">
        <label htmlFor={help.id("consentDays")}>{t.consentDays}</label>{" "}
        <input
          id={help.id("consentDays")}
          name="consentDays"
          type="number"
          min={1}
          max={365}
          value={Number.isNaN(draft.consentDays) ? "" : draft.consentDays}
          {...help.invalid("consentDays")}
          onChange={(e) => set({ consentDays: e.target.valueAsNumber })}
        />{" "}
        {help.problemText("consentDays")}
      </p>
    </fieldset>
  );
}

import { REFERRAL_BACK_WORDS } from "../../content/referralBack";
import {
  BACK_URGENCIES,
  CLINIC_SERVICES,
  type BackUrgency,
  type ClinicService,
  type ReferralBackDraft,
} from "../../domain/incomingReferral";
import { useText } from "../../ui/staffLanguage";
import { TextField, type FieldHelp } from "./referBackFields";
import { REFER_BACK_TEXT } from "./referBackStrings";

// What the client is referred for (a clinic service, or other in words) and how soon.

export function ReasonFields({
  draft,
  onReason,
  onUrgency,
  set,
  help,
}: {
  draft: ReferralBackDraft;
  onReason: (reason: ClinicService | "") => void;
  onUrgency: (urgency: BackUrgency) => void;
  set: (change: Partial<ReferralBackDraft>) => void;
  help: FieldHelp;
}) {
  const t = useText(REFER_BACK_TEXT);
  const w = useText(REFERRAL_BACK_WORDS);
  return (
    <>
      <p className="field">
        <label htmlFor={help.id("reason")}>{t.reason}</label>{" "}
        <select
          id={help.id("reason")}
          name="reason"
          value={draft.reason}
          {...help.invalid("reason")}
          onChange={(e) => onReason(e.target.value as ClinicService | "")}
        >
          <option value="">{t.choose}</option>
          {CLINIC_SERVICES.map((s) => (
            <option key={s} value={s}>
              {w.reason[s]}
            </option>
          ))}
        </select>{" "}
        {help.problemText("reason")}
      </p>
      {draft.reason === "other" && (
        <TextField
          help={help}
          name="reasonText"
          label={t.reasonText}
          value={draft.reasonText}
          onChange={(reasonText) => set({ reasonText })}
        >
          <span className="hint">{t.reasonTextHint}</span>{" "}
        </TextField>
      )}
      <fieldset>
        <legend>{t.urgency}</legend>
        {BACK_URGENCIES.map((u) => (
          <label key={u} className="choice">
            <input
              type="radio"
              name="urgency"
              value={u}
              checked={draft.urgency === u}
              onChange={() => onUrgency(u)}
            />{" "}
            {w.urgency[u]}
          </label>
        ))}
      </fieldset>
    </>
  );
}

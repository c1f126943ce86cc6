import type { SafeContact } from "../../domain/journey";
import { TextField, type FieldHelp } from "./referBackFields";
import { REFER_BACK_TEXT } from "./referBackStrings";
import { useText } from "../../ui/staffLanguage";

// How the clinic may reach the client safely — or not at all.

export function SafeContactFields({
  c,
  setContact,
  help,
}: {
  c: SafeContact;
  setContact: (change: Partial<SafeContact>) => void;
  help: FieldHelp;
}) {
  const t = useText(REFER_BACK_TEXT);
  return (
    <fieldset>
      <legend>{t.safeContact}</legend>
      <label className="choice">
        <input
          type="checkbox"
          name="noContact"
          checked={c.noContact}
          onChange={(e) => setContact({ noContact: e.target.checked })}
        />{" "}
        {t.noContact}
      </label>
      {!c.noContact && (
        <>
          <TextField
            help={help}
            name="safePhone"
            type="tel"
            label={t.safePhone}
            maxLength={40}
            value={c.safePhone ?? ""}
            onChange={(safePhone) => setContact({ safePhone })}
          />
          <TextField
            help={help}
            name="safeTimes"
            label={t.safeTimes}
            value={c.safeTimes ?? ""}
            onChange={(safeTimes) => setContact({ safeTimes })}
          />
          <fieldset>
            <legend>{t.voicemail}</legend>
            {([true, false] as const).map((ok) => (
              <label key={String(ok)} className="choice">
                <input
                  type="radio"
                  name="voicemail"
                  checked={c.voicemailOk === ok}
                  onChange={() => setContact({ voicemailOk: ok })}
                />{" "}
                {ok ? t.voicemailOk : t.voicemailNo}
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              name="mayNameAgency"
              checked={c.mayNameAgency !== false}
              onChange={(e) => setContact({ mayNameAgency: e.target.checked })}
            />{" "}
            {t.mayName}
          </label>
          {c.mayNameAgency === false && (
            <TextField
              help={help}
              name="coverStory"
              label={t.coverStory}
              value={c.coverStory ?? ""}
              onChange={(coverStory) => setContact({ coverStory })}
            />
          )}
        </>
      )}
    </fieldset>
  );
}

import { STAFF_TEXT } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import type { StaffText } from "../../content/packs/types";
import type { SafeContact } from "../../domain/journey";
import { Checkbox, TextField } from "../../ui/fields";

// How (and whether) the partner may contact the patient: a safe phone and times, voicemail,
// naming the agency or a cover story — or no contact at all.

export function SafeContactFields({
  value,
  onChange,
}: {
  value: SafeContact;
  onChange: (v: SafeContact) => void;
}) {
  const t = useText(STAFF_TEXT);
  const set = (patch: Partial<SafeContact>) => onChange({ ...value, ...patch });
  return (
    <fieldset>
      <legend>{t.safeContactLegend}</legend>
      <Checkbox
        label={t.noContact}
        checked={value.noContact}
        onChange={(noContact) => set({ noContact })}
      />
      {!value.noContact && (
        <>
          <TextField
            id="safe-phone"
            type="tel"
            label={t.safePhone}
            hint={t.safePhoneHint}
            value={value.safePhone ?? ""}
            onChange={(safePhone) => set({ safePhone })}
          />
          <TextField
            id="safe-times"
            label={t.safeTimes}
            value={value.safeTimes ?? ""}
            onChange={(safeTimes) => set({ safeTimes })}
          />
          <Checkbox
            label={t.voicemailOk}
            checked={value.voicemailOk ?? false}
            onChange={(voicemailOk) => set({ voicemailOk })}
          />
        </>
      )}
      <Checkbox
        label={t.mayNameAgency}
        checked={value.mayNameAgency ?? false}
        onChange={(mayNameAgency) => set({ mayNameAgency })}
      />
      {!value.mayNameAgency && (
        <TextField
          id="cover-story"
          label={t.coverStory}
          value={value.coverStory ?? ""}
          onChange={(coverStory) => set({ coverStory })}
        />
      )}
    </fieldset>
  );
}

/** The safe-contact preferences in one line, for the review. */
export function describeContact(c: SafeContact, t: StaffText): string {
  if (c.noContact) return t.noContact;
  return [
    c.safePhone,
    c.safeTimes,
    `${t.voicemailOk}: ${c.voicemailOk ? t.yesText : t.noText}`,
    `${t.mayNameAgency}: ${c.mayNameAgency ? t.yesText : t.noText}`,
    !c.mayNameAgency && c.coverStory ? `${t.coverStory}: ${c.coverStory}` : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
}

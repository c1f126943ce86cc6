import { STAFF_TEXT, packFor } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import { Checkbox, YesNo } from "../../ui/fields";
import type { GuideDraft } from "./draft";

// A remote visit first asks whether now is a safe time and whether the patient is alone; a
// "no" to either goes straight to the not-safe step. Yes / No wording on request, for a patient
// who can be overheard.

export function RemoteCheck({
  draft,
  update,
  onNotSafe,
}: {
  draft: GuideDraft;
  update: (fn: (s: GuideDraft) => GuideDraft) => void;
  onNotSafe: () => void;
}) {
  const t = useText(STAFF_TEXT);
  const patientText = packFor(draft.language).patient;
  const answer = (key: "safeTime" | "alone", value: boolean) => {
    update((s) => ({ ...s, remote: { ...s.remote, [key]: value } }));
    if (!value) onNotSafe();
  };
  const questions = [
    ["safeTime", t.safeTime, patientText.safeTime],
    ["alone", t.aloneRemote, patientText.aloneRemote],
  ] as const;
  return (
    <fieldset data-testid="remote-check">
      <legend>{t.remoteLegend}</legend>
      <Checkbox
        label={t.yesNoMode}
        checked={draft.yesNo}
        describedBy="yes-no-hint"
        onChange={(yesNo) => update((s) => ({ ...s, yesNo }))}
      />
      <p id="yes-no-hint" className="hint">
        {t.yesNoModeHint}
      </p>
      {questions.map(([key, label, say]) => {
        const held = draft.remote[key];
        return (
          <fieldset key={key} className="yes-no">
            <legend>{label}</legend>
            <p className="say">{draft.yesNo ? say.yesNo : say.open}</p>
            <YesNo
              name={`remote-${key}`}
              value={held === undefined ? undefined : held ? "yes" : "no"}
              onChange={(value) => answer(key, value === "yes")}
              yes={t.yes}
              no={t.no}
            />
          </fieldset>
        );
      })}
    </fieldset>
  );
}

import { STAFF_TEXT, packFor } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import { useChartSession } from "../../app/session";
import { isRemote, SETTINGS, type Setting } from "../../domain/journey";
import { Checkbox } from "../../ui/fields";
import { isMinor, type GuideDraft } from "./draft";
import { RemoteCheck } from "./RemoteCheck";
import { StepSection, type StepProps, StepActions } from "../../ui/Step";

// C: the setting, the checks before asking anything (alone, interpreter, the limits of
// confidentiality in this jurisdiction), and a way out when it is not safe to talk.

type Checklist = keyof GuideDraft["checklist"];

export function ConfidentialityStep({
  draft,
  setting,
  update,
  headingRef,
  onNotSafe,
  onNext,
}: StepProps<GuideDraft> & {
  setting: Setting;
  onNotSafe: () => void;
  onNext: () => void;
}) {
  const t = useText(STAFF_TEXT);
  const { patient, clinic } = useChartSession();
  const { minorAgeBelow, name: jurisdiction, mandatoryReporting } = clinic.jurisdiction;
  const patientText = packFor(draft.language).patient;
  const minor = isMinor(patient.birthDate, minorAgeBelow, new Date());
  const texts = minor ? mandatoryReporting.minor : mandatoryReporting.adult;
  const limitsText = texts[draft.language] ?? texts.en ?? "";
  const remote = isRemote(setting);
  const check = (key: Checklist) => (value: boolean) =>
    update((s) => ({ ...s, checklist: { ...s.checklist, [key]: value } }));
  const settingCheck = (key: string) => (value: boolean) =>
    update((s) => ({ ...s, settingChecks: { ...s.settingChecks, [key]: value } }));
  return (
    <StepSection step="c" heading={t.steps.c} headingRef={headingRef}>
      <fieldset>
        <legend>{t.settingLegend}</legend>
        <div className="choices">
          {SETTINGS.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="setting"
                value={s}
                checked={setting === s}
                onChange={() => update((st) => ({ ...st, setting: s, remote: {} }))}
              />
              {t.settings[s]}
            </label>
          ))}
        </div>
      </fieldset>
      {remote && <RemoteCheck draft={draft} update={update} onNotSafe={onNotSafe} />}
      <fieldset>
        <legend>{t.checklistLegend}</legend>
        <Checkbox label={t.alone} checked={draft.checklist.alone} onChange={check("alone")} />
        {!remote && (
          <p className="hint">
            {t.aloneTip} <span className="say">{patientText.stepOut}</span>
          </p>
        )}
        <Checkbox
          label={t.interpreter}
          checked={draft.checklist.interpreter}
          onChange={check("interpreter")}
        />
        <Checkbox label={t.limits} checked={draft.checklist.limits} onChange={check("limits")} />
        {(t.settingChecks[setting] ?? []).map((line, i) => (
          <Checkbox
            key={line}
            label={line}
            testId="setting-check"
            checked={draft.settingChecks?.[`${setting}:${i}`] === true}
            onChange={settingCheck(`${setting}:${i}`)}
          />
        ))}
      </fieldset>
      <section aria-labelledby="limits-heading" className="limits">
        <h3 id="limits-heading">{t.limitsHeading(jurisdiction)}</h3>
        {minor && <p className="hint">{t.minorText(minorAgeBelow)}</p>}
        <blockquote
          className="say"
          data-testid="limits-text"
          data-audience={minor ? "minor" : "adult"}
        >
          {limitsText}
        </blockquote>
      </section>
      <StepActions onNext={onNext} nextLabel={t.next}>
        <button type="button" className="secondary" onClick={onNotSafe}>
          {t.notSafeButton}
        </button>
      </StepActions>
    </StepSection>
  );
}

import type { RefObject } from "react";
import { useChartSession } from "../../app/session";
import { packFor } from "../../content/packs/index";
import type { StaffText } from "../../content/packs/types";
import { isRemote, SETTINGS, type Setting } from "../../domain/journey";
import { Checkbox } from "../../ui/fields";
import { isMinor, type GuideDraft } from "./draft";
import { RemoteCheck } from "./RemoteCheck";

// C: the setting, the checks before asking anything (alone, interpreter, the limits of
// confidentiality in this jurisdiction), and a way out when it is not safe to talk.

type Checklist = keyof GuideDraft["checklist"];

export function ConfidentialityStep({
  t,
  state,
  setting,
  update,
  headingRef,
  onNotSafe,
  onNext,
}: {
  t: StaffText;
  state: GuideDraft;
  setting: Setting;
  update: (fn: (s: GuideDraft) => GuideDraft) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onNotSafe: () => void;
  onNext: () => void;
}) {
  const { patient, clinic } = useChartSession();
  const { minorAgeBelow, name: jurisdiction, mandatoryReporting } = clinic.jurisdiction;
  const patientText = packFor(state.language).patient;
  const minor = isMinor(patient.birthDate, minorAgeBelow, new Date());
  const texts = minor ? mandatoryReporting.minor : mandatoryReporting.adult;
  const limitsText = texts[state.language] ?? texts.en ?? "";
  const remote = isRemote(setting);
  const check = (key: Checklist) => (value: boolean) =>
    update((s) => ({ ...s, checklist: { ...s.checklist, [key]: value } }));
  const settingCheck = (key: string) => (value: boolean) =>
    update((s) => ({ ...s, settingChecks: { ...s.settingChecks, [key]: value } }));
  return (
    <section aria-labelledby="step-heading" className="step" data-step="c">
      <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
        {t.steps.c}
      </h2>
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
      {remote && <RemoteCheck t={t} state={state} update={update} onNotSafe={onNotSafe} />}
      <fieldset>
        <legend>{t.checklistLegend}</legend>
        <Checkbox label={t.alone} checked={state.checklist.alone} onChange={check("alone")} />
        {!remote && (
          <p className="hint">
            {t.aloneTip} <span className="say">{patientText.stepOut}</span>
          </p>
        )}
        <Checkbox
          label={t.interpreter}
          checked={state.checklist.interpreter}
          onChange={check("interpreter")}
        />
        <Checkbox label={t.limits} checked={state.checklist.limits} onChange={check("limits")} />
        {(t.settingChecks[setting] ?? []).map((line, i) => (
          <Checkbox
            key={line}
            label={line}
            testId="setting-check"
            checked={state.settingChecks?.[`${setting}:${i}`] === true}
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
      <div className="actions">
        <button type="button" className="secondary" onClick={onNotSafe}>
          {t.notSafeButton}
        </button>
        <button type="button" className="primary" onClick={onNext}>
          {t.next}
        </button>
      </div>
    </section>
  );
}

import { useState, type RefObject } from "react";
import { PackNotes } from "../../ui/PackNotes";
import { packFor } from "../../content/packs/index";
import type { StaffText } from "../../content/packs/types";
import { suggestedServices } from "../../domain/urgency";
import { CODES } from "../../fhir/canonical";
import { Checkbox } from "../../ui/fields";
import { canAdvance, type GuideDraft } from "./draft";
import { SafetyCheck } from "./SafetyCheck";

// S: validating words, the safety and needs check (urgency, the strangulation prompt), and
// the services the patient wants — on to the referral, or nothing now.

export function SupportStep({
  t,
  protocol,
  state,
  update,
  headingRef,
  onBack,
  onNothingNow,
  onReferral,
}: {
  t: StaffText;
  /** The clinic's protocol after strangulation (clinic-config strangulationProtocol). */
  protocol: string;
  state: GuideDraft;
  update: (fn: (s: GuideDraft) => GuideDraft) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
  onNothingNow: () => void;
  onReferral: () => void;
}) {
  const pack = packFor(state.language);
  const suggested = suggestedServices(state.answers);
  const [problem, setProblem] = useState<string | null>(null);
  const services = [...suggested, ...CODES.dsvServices.filter((code) => !suggested.includes(code))];
  const toggleGoal = (code: string) => (on: boolean) =>
    update((s) => ({
      ...s,
      goals: on ? [...s.goals, code] : s.goals.filter((g) => g !== code),
    }));
  const toReferral = () => {
    const advance = canAdvance("s", state);
    if (advance.ok) onReferral();
    else if (advance.problem) setProblem(t[advance.problem]);
  };
  return (
    <section aria-labelledby="step-heading" className="step" data-step="s">
      <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
        {t.steps.s}
      </h2>
      <section aria-labelledby="validate-heading">
        <h3 id="validate-heading">{t.validateHeading}</h3>
        <PackNotes language={state.language} />
        <ul className="say" lang={pack.lang}>
          {pack.patient.validating.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <SafetyCheck t={t} protocol={protocol} state={state} update={update} />
      <fieldset>
        <legend>{t.goalsLegend}</legend>
        <p className="say">{pack.patient.goalsQuestion}</p>
        <p className="hint">{t.goalsHint}</p>
        <div className="choices">
          {services.map((code) => (
            <Checkbox
              key={code}
              className={null}
              label={t.services[code] ?? code}
              checked={state.goals.includes(code)}
              onChange={toggleGoal(code)}
            />
          ))}
        </div>
      </fieldset>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" className="secondary" onClick={onNothingNow}>
          {t.nothingNow}
        </button>
        <button type="button" className="primary" onClick={toReferral}>
          {t.toReferral}
        </button>
      </div>
    </section>
  );
}

import { STAFF_TEXT, packFor } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import { useState } from "react";
import { PackNotes } from "../../ui/PackNotes";
import { suggestedServices } from "../../domain/urgency";
import { DSV_SERVICES } from "../../domain/journey";
import { Checkbox } from "../../ui/fields";
import { canAdvance, type GuideDraft } from "./draft";
import { SafetyCheck } from "./SafetyCheck";
import { ProblemText, StepSection, type StepProps, StepActions } from "../../ui/Step";

// S: validating words, the safety and needs check (urgency, the strangulation prompt), and
// the services the patient wants — on to the referral, or nothing now.

export function SupportStep({
  protocol,
  draft,
  update,
  headingRef,
  onBack,
  onNothingNow,
  onReferral,
}: StepProps<GuideDraft> & {
  /** The clinic's protocol after strangulation (clinic-config strangulationProtocol). */
  protocol: string;
  onBack: () => void;
  onNothingNow: () => void;
  onReferral: () => void;
}) {
  const t = useText(STAFF_TEXT);
  const pack = packFor(draft.language);
  const suggested = suggestedServices(draft.answers);
  const [problem, setProblem] = useState<string | null>(null);
  const services = [...suggested, ...DSV_SERVICES.filter((code) => !suggested.includes(code))];
  const toggleGoal = (code: string) => (on: boolean) =>
    update((s) => ({
      ...s,
      goals: on ? [...s.goals, code] : s.goals.filter((g) => g !== code),
    }));
  const toReferral = () => {
    const advance = canAdvance("s", draft);
    if (advance.ok) onReferral();
    else if (advance.problem) setProblem(t[advance.problem]);
  };
  return (
    <StepSection step="s" heading={t.steps.s} headingRef={headingRef}>
      <section aria-labelledby="validate-heading">
        <h3 id="validate-heading">{t.validateHeading}</h3>
        <PackNotes language={draft.language} />
        <ul className="say" lang={pack.lang}>
          {pack.patient.validating.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <SafetyCheck protocol={protocol} draft={draft} update={update} />
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
              checked={draft.goals.includes(code)}
              onChange={toggleGoal(code)}
            />
          ))}
        </div>
      </fieldset>
      <ProblemText problem={problem} />
      <StepActions onBack={onBack} backLabel={t.back} onNext={toReferral} nextLabel={t.toReferral}>
        <button type="button" className="secondary" onClick={onNothingNow}>
          {t.nothingNow}
        </button>
      </StepActions>
    </StepSection>
  );
}

import { useChartSession } from "../../app/session";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { STAFF_TEXT } from "../../content/packs/index";
import type { Setting, SupportSummary } from "../../domain/journey";
import { strangulationProtocol } from "../../config/clinicConfig";
import { can } from "../../domain/roles";
import { useRemembered } from "../../ui/useRemembered";
import { useStepFocus } from "../../ui/useStepFocus";
import { useVisitIsVirtual } from "./api/visit";
import {
  freshGuide,
  GUIDE_STEPS,
  previousStep,
  switchMode,
  toSupportSummary,
  type CatalogCard,
  type GuideDraft,
  type Step,
} from "./draft";
import { ModeSwitch } from "./ModeSwitch";
import { ConfidentialityStep } from "./ConfidentialityStep";
import { EducationStep } from "./EducationStep";
import { SupportStep } from "./SupportStep";
import { NotSafeStep } from "./NotSafeStep";
import { NothingNowStep } from "./NothingNowStep";

// The CUES guide: C (confidentiality) → UE (universal education) → S (support). A medical
// assistant lands on universal education; a provider on the full guide. Nothing sensitive is
// written here except the universal-education Procedure (labelled); the safety answers stay in
// memory and only the patient's chosen services and an urgency level go on to the referral
// (./draft.ts).

export default function CuesGuide({
  onReferral,
}: {
  onReferral: (support: SupportSummary) => void;
}) {
  const session = useChartSession();
  const { patient, clinic } = session;
  const staffLang = useStaffLanguage();
  const t = useText(STAFF_TEXT);
  // A role without the full guide (a medical assistant) stays on universal education.
  const fullGuide = can(session.access, "use-full-guide");

  const [draft, update] = useRemembered<GuideDraft>("guide", patient.id, () =>
    freshGuide(fullGuide, patient.language ?? "en"),
  );

  // The visit's class picks the default setting (telehealth for a virtual visit).
  const visit = useVisitIsVirtual();
  const setting: Setting = draft.setting ?? (visit.data ? "telehealth-video" : "in-person");

  const headingRef = useStepFocus(`${draft.step}:${draft.mode}`);

  const go = (step: Step) => update((s) => ({ ...s, step }));
  const back = () => go(previousStep(draft.step));
  const full = draft.mode === "full";
  const steps = GUIDE_STEPS[draft.mode];
  const stepProps = { draft, update, headingRef };

  return (
    <section className="guide" aria-labelledby="guide-heading">
      <div className="guide-top">
        <h1 id="guide-heading" className="guide-title">
          {t.guideHeading}
        </h1>
        <ModeSwitch
          mode={draft.mode}
          fullGuide={fullGuide}
          onChange={(mode) => update((s) => switchMode(s, mode, fullGuide))}
        />
      </div>
      {steps.length > 1 && (
        <ol className="steps" aria-label={t.guideHeading}>
          {steps.map((s) => (
            <li key={s} aria-current={draft.step === s ? "step" : undefined}>
              {t.steps[s]}
            </li>
          ))}
        </ol>
      )}
      {draft.step === "c" && (
        <ConfidentialityStep
          {...stepProps}
          setting={setting}
          onNotSafe={() => go("not-safe")}
          onNext={() => go("ue")}
        />
      )}
      {draft.step === "ue" && (
        <EducationStep
          {...stepProps}
          setting={setting}
          onBack={full ? back : undefined}
          onNext={full ? () => go("s") : undefined}
        />
      )}
      {draft.step === "s" && (
        <SupportStep
          {...stepProps}
          protocol={strangulationProtocol(clinic, staffLang)}
          onBack={back}
          onNothingNow={() => go("nothing-now")}
          onReferral={() =>
            onReferral(toSupportSummary(draft, clinic.safetyCards as CatalogCard[], setting))
          }
        />
      )}
      {draft.step === "not-safe" && (
        <NotSafeStep language={draft.language} headingRef={headingRef} onBack={back} />
      )}
      {draft.step === "nothing-now" && <NothingNowStep headingRef={headingRef} onBack={back} />}
    </section>
  );
}

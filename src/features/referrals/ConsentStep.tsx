import { useChartSession } from "../../app/session";
import { minorConsentText } from "../../config/clinicConfig";
import { packFor, STAFF_TEXT } from "../../content/packs/index";
import type { SupportSummary } from "../../domain/journey";
import { ageOn } from "../../domain/people";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { fillNodes } from "../../ui/Bidi";
import { Checkbox, TextField } from "../../ui/fields";
import { dateOnly, type ReferralDraft } from "./draft";
import { longDate } from "./longDate";
import { SafeContactFields } from "./SafeContactFields";
import { ProblemText, StepSection, type StepProps, StepActions } from "../../ui/Step";

// Step 2 of the referral: the patient's time-limited consent to share with this partner, and
// how (and whether) the partner may contact them.

export function ConsentStep({
  support,
  draft,
  update,
  headingRef,
  partnerName,
  problem,
  onBack,
  onNext,
}: StepProps<ReferralDraft> & {
  support: SupportSummary;
  partnerName: string;
  problem: string | null;
  onBack: () => void;
  onNext: () => void;
}) {
  const t = useText(STAFF_TEXT);
  const { patient, clinic } = useChartSession();
  const staffLang = useStaffLanguage();
  const age = patient.birthDate ? ageOn(patient.birthDate, new Date()) : undefined;
  const minor = age !== undefined && age < clinic.jurisdiction.minorAgeBelow;
  const patientPack = packFor(support.language);
  return (
    <StepSection step="consent" heading={t.steps.consent} headingRef={headingRef}>
      <fieldset>
        <legend>{t.consentLegend}</legend>
        <p className="say" lang={patientPack.lang}>
          {fillNodes(
            patientPack.patient.consentExplain,
            partnerName,
            longDate(draft.consentEnd, support.language),
          )}
        </p>
        <p>{t.consentWhat}</p>
        <ul>
          {t.consentSharedItems.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>{fillNodes(t.consentWith, partnerName)}</p>
        <TextField
          id="consent-end"
          type="date"
          label={t.consentUntil}
          value={draft.consentEnd}
          min={dateOnly(new Date())}
          onChange={(consentEnd) => update((d) => ({ ...d, consentEnd }))}
        />
        <p className="hint">{t.consentWithdraw}</p>
        {minor && (
          <p className="alert" data-testid="minor-consent">
            {minorConsentText(clinic, staffLang)}
          </p>
        )}
        <Checkbox
          label={fillNodes(t.consentAgree, partnerName)}
          checked={draft.consentAgreed}
          onChange={(consentAgreed) => update((d) => ({ ...d, consentAgreed }))}
        />
      </fieldset>
      <SafeContactFields
        value={draft.safeContact}
        onChange={(safeContact) => update((d) => ({ ...d, safeContact }))}
      />
      <ProblemText problem={problem} />
      <StepActions onBack={onBack} backLabel={t.back} onNext={onNext} nextLabel={t.next} />
    </StepSection>
  );
}

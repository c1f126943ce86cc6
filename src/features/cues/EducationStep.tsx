import { STAFF_TEXT, hasPack, languageName, PACKS, packFor } from "../../content/packs/index";
import { useText, useStaffLanguage } from "../../ui/staffLanguage";
import { useEffect, useState } from "react";
import { useChartSession } from "../../app/session";
import { PackNotes } from "../../ui/PackNotes";
import type { Setting } from "../../domain/journey";
import { failureOf, type Failure } from "../../fhir/failures";
import { FailureAlert } from "../../ui/FailureAlert";
import { useRecordEducation } from "./api/recordEducation";
import {
  canRecord,
  chosenCards,
  defaultCards,
  isMinor,
  type CatalogCard,
  type GuideDraft,
} from "./draft";
import { CardPicker } from "./CardPicker";
import { ProblemText, StepSection, type StepProps, StepActions } from "../../ui/Step";

// UE: the universal-education script in the patient's language, the safety cards offered, and
// one click to record that education was offered (a labelled Procedure; no disclosure implied).

export function EducationStep({
  setting,
  draft,
  update,
  headingRef,
  onBack,
  onNext,
}: StepProps<GuideDraft> & {
  setting: Setting;
  onBack: (() => void) | undefined;
  onNext: (() => void) | undefined;
}) {
  const t = useText(STAFF_TEXT);
  const { patient, clinic } = useChartSession();
  const staffLang = useStaffLanguage();
  const catalog = clinic.safetyCards as CatalogCard[];
  const minor = isMinor(patient.birthDate, clinic.jurisdiction.minorAgeBelow, new Date());
  const selected = draft.cards ?? defaultCards(catalog, draft.language, minor);
  const patientText = packFor(draft.language).patient;
  const recordEducation = useRecordEducation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Staff move through UE: the education counts as offered from here on.
  useEffect(() => {
    if (!draft.education.offeredAt)
      update((s) => ({
        ...s,
        cards: s.cards ?? selected,
        education: { ...s.education, offeredAt: new Date().toISOString() },
      }));
  }, [draft.education.offeredAt, selected, update]);

  const languages = [...new Set([...Object.keys(PACKS), ...clinic.languages, draft.language])];

  async function record() {
    setProblem(null);
    setFailure(null);
    const cards = chosenCards({ ...draft, cards: selected }, catalog);
    const refused = canRecord(cards);
    if (refused) return setProblem(t[refused]);
    try {
      await recordEducation.mutateAsync({
        clientId: draft.education.clientId,
        performedAt: draft.education.offeredAt ?? new Date().toISOString(),
        cards,
        setting,
      });
      update((s) => ({ ...s, cards: selected, education: { ...s.education, recorded: true } }));
    } catch (error) {
      setFailure(failureOf(error, "The record could not be saved."));
    }
  }

  return (
    <StepSection step="ue" heading={t.steps.ue} headingRef={headingRef}>
      <div className="field">
        <label htmlFor="script-language">{t.scriptLanguage}</label>
        <select
          id="script-language"
          value={draft.language}
          onChange={(e) => {
            const language = e.target.value;
            update((s) => ({ ...s, language, cards: s.education.recorded ? s.cards : null }));
          }}
        >
          {languages.map((code) => (
            <option key={code} value={code}>
              {hasPack(code)
                ? (PACKS[code]?.patient.languageName ?? code)
                : languageName(code, staffLang)}
            </option>
          ))}
        </select>
      </div>
      <section aria-labelledby="script-heading">
        <h3 id="script-heading">{t.scriptHeading}</h3>
        {!hasPack(draft.language) && (
          <p className="hint" role="note">
            {t.noScriptIn(languageName(draft.language, staffLang))}
          </p>
        )}
        <PackNotes language={draft.language} />
        <div
          className="say script"
          lang={packFor(draft.language).lang}
          data-testid="education-script"
        >
          {patientText.educationScript.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>{patientText.cardOffer}</p>
        </div>
      </section>
      <CardPicker catalog={catalog} draft={draft} selected={selected} update={update} />
      <div className="actions">
        {draft.education.recorded ? (
          <p role="status" className="ok" data-testid="education-recorded">
            {t.educationRecorded}
          </p>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => void record()}
            disabled={recordEducation.isPending}
          >
            {recordEducation.isPending ? t.recording : t.recordEducation}
          </button>
        )}
      </div>
      <ProblemText problem={problem} />
      {failure && <FailureAlert failure={failure} />}
      {!onNext && <p className="hint">{t.maEscalate}</p>}
      <StepActions onBack={onBack} backLabel={t.back} onNext={onNext} nextLabel={t.toSupport} />
    </StepSection>
  );
}

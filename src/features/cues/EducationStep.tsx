import { useEffect, useState, type RefObject } from "react";
import { useChartSession } from "../../app/session";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { PackNotes } from "../../ui/PackNotes";
import { hasPack, languageName, PACKS, packFor } from "../../content/packs/index";
import type { StaffText } from "../../content/packs/types";
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

// UE: the universal-education script in the patient's language, the safety cards offered, and
// one click to record that education was offered (a labelled Procedure; no disclosure implied).

export function EducationStep({
  t,
  setting,
  state,
  update,
  headingRef,
  onBack,
  onNext,
}: {
  t: StaffText;
  setting: Setting;
  state: GuideDraft;
  update: (fn: (s: GuideDraft) => GuideDraft) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: (() => void) | undefined;
  onNext: (() => void) | undefined;
}) {
  const { patient, clinic } = useChartSession();
  const staffLang = useStaffLanguage();
  const catalog = clinic.safetyCards as CatalogCard[];
  const minor = isMinor(patient.birthDate, clinic.jurisdiction.minorAgeBelow, new Date());
  const selected = state.cards ?? defaultCards(catalog, state.language, minor);
  const patientText = packFor(state.language).patient;
  const recordEducation = useRecordEducation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Staff move through UE: the education counts as offered from here on.
  useEffect(() => {
    if (!state.education.offeredAt)
      update((s) => ({
        ...s,
        cards: s.cards ?? selected,
        education: { ...s.education, offeredAt: new Date().toISOString() },
      }));
  }, [state.education.offeredAt, selected, update]);

  const languages = [...new Set([...Object.keys(PACKS), ...clinic.languages, state.language])];

  async function record() {
    setProblem(null);
    setFailure(null);
    const cards = chosenCards({ ...state, cards: selected }, catalog);
    const refused = canRecord(cards);
    if (refused) return setProblem(t[refused]);
    try {
      await recordEducation.mutateAsync({
        clientId: state.education.clientId,
        performedAt: state.education.offeredAt ?? new Date().toISOString(),
        cards,
        setting,
      });
      update((s) => ({ ...s, cards: selected, education: { ...s.education, recorded: true } }));
    } catch (error) {
      setFailure(failureOf(error, "The record could not be saved."));
    }
  }

  return (
    <section aria-labelledby="step-heading" className="step" data-step="ue">
      <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
        {t.steps.ue}
      </h2>
      <div className="field">
        <label htmlFor="script-language">{t.scriptLanguage}</label>
        <select
          id="script-language"
          value={state.language}
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
        {!hasPack(state.language) && (
          <p className="hint" role="note">
            {t.noScriptIn(languageName(state.language, staffLang))}
          </p>
        )}
        <PackNotes language={state.language} />
        <div
          className="say script"
          lang={packFor(state.language).lang}
          data-testid="education-script"
        >
          {patientText.educationScript.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>{patientText.cardOffer}</p>
        </div>
      </section>
      <CardPicker t={t} catalog={catalog} state={state} selected={selected} update={update} />
      <div className="actions">
        {state.education.recorded ? (
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
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {failure && <FailureAlert failure={failure} lang={staffLang} />}
      {!onNext && <p className="hint">{t.maEscalate}</p>}
      <div className="actions">
        {onBack && (
          <button type="button" onClick={onBack}>
            {t.back}
          </button>
        )}
        {onNext && (
          <button type="button" className="primary" onClick={onNext}>
            {t.toSupport}
          </button>
        )}
      </div>
    </section>
  );
}

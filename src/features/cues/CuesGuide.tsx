import { useEffect, useState, type RefObject } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useChartSession } from "../../app/session";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { PackNotes } from "../../ui/PackNotes";
import { hasPack, languageName, PACKS, packFor } from "../../content/packs/index";
import type { StaffText } from "../../content/packs/types";
import {
  isRemote,
  newClientId,
  SETTINGS,
  type CardOffered,
  type CardType,
  type Setting,
  type SupportSummary,
} from "../../domain/journey";
import { strangulationProtocol } from "../../config/clinicConfig";
import {
  answerOf,
  assessUrgency,
  raisedBy,
  SAFETY_ITEMS,
  suggestedServices,
  type SafetyAnswers,
} from "../../domain/urgency";
import { buildEducationBundle } from "../../fhir/builders/education";
import { CODES } from "../../fhir/canonical";
import { FailureError, type Failure } from "../../fhir/failures";
import { ageOn } from "../../domain/people";
import { can } from "../../domain/roles";
import { queryKeys } from "../../fhir/queryKeys";
import { bundleResponseSchema, fetchVisitIsVirtual } from "../../fhir/referrals";
import { useRemembered } from "../../ui/useRemembered";
import { useStepFocus } from "../../ui/useStepFocus";
import { FailureAlert } from "../../ui/FailureAlert";

// The CUES guide: C (confidentiality) → UE (universal education) → S (support). A medical
// assistant lands on universal education; a provider on the full guide. Nothing sensitive is
// written here except the universal-education Procedure (labelled); the safety answers stay in
// memory and only the patient's chosen services and an urgency level go on to the referral.

type Step = "c" | "ue" | "s" | "not-safe" | "nothing-now";
type Mode = "full" | "education";

interface GuideState {
  mode: Mode;
  step: Step;
  setting: Setting | null;
  checklist: { alone: boolean; interpreter: boolean; limits: boolean };
  remote: { safeTime?: boolean; alone?: boolean };
  yesNo: boolean;
  language: string;
  cards: string[] | null;
  education: { clientId: string; offeredAt: string | null; recorded: boolean };
  answers: SafetyAnswers;
  goals: string[];
  /** The setting's own confidentiality checks (mobile unit, school-based), by index. */
  settingChecks?: Record<string, boolean>;
}

export default function CuesGuide({
  onReferral,
}: {
  onReferral: (support: SupportSummary) => void;
}) {
  const session = useChartSession();
  const { patient, clinic } = session;
  const staffLang = useStaffLanguage();
  const t = packFor(staffLang).staff;
  // A role without the full guide (a medical assistant) stays on universal education.
  const fullGuide = can(session.access, "use-full-guide");
  const isMa = !fullGuide;

  const [state, update] = useRemembered<GuideState>("guide", patient.id, () => ({
    mode: isMa ? "education" : "full",
    step: isMa ? "ue" : "c",
    setting: null,
    checklist: { alone: false, interpreter: false, limits: false },
    remote: {},
    yesNo: false,
    language: patient.language ?? "en",
    cards: null,
    education: { clientId: newClientId(), offeredAt: null, recorded: false },
    answers: {},
    goals: [],
  }));

  // The visit's class picks the default setting (telehealth for a virtual visit).
  const visit = useQuery({
    queryKey: queryKeys.encounter(patient.id, session.encounterId ?? "none"),
    queryFn: () => fetchVisitIsVirtual(session.http, session.encounterId ?? ""),
    enabled: Boolean(session.encounterId),
  });
  const setting: Setting = state.setting ?? (visit.data ? "telehealth-video" : "in-person");

  const headingRef = useStepFocus(`${state.step}:${state.mode}`);

  const go = (step: Step) => update((s) => ({ ...s, step }));
  const setMode = (mode: Mode) =>
    update((s) => ({
      ...s,
      mode: fullGuide ? mode : "education",
      step: !fullGuide || mode === "education" ? "ue" : s.step === "ue" ? "ue" : "c",
    }));

  const steps: { id: Step; label: string }[] =
    state.mode === "education"
      ? [{ id: "ue", label: t.steps.ue }]
      : [
          { id: "c", label: t.steps.c },
          { id: "ue", label: t.steps.ue },
          { id: "s", label: t.steps.s },
        ];

  return (
    <section className="guide" aria-labelledby="guide-heading">
      <div className="guide-top">
        <h1 id="guide-heading" className="guide-title">
          {t.guideHeading}
        </h1>
        <fieldset className="mode-switch">
          <legend>{t.modeLegend}</legend>
          {(["full", "education"] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="guide-mode"
                checked={state.mode === m}
                // The full guide (support, referral) is not this role's to open.
                disabled={m === "full" && !fullGuide}
                aria-describedby={m === "full" && !fullGuide ? "guide-mode-role" : undefined}
                onChange={() => setMode(m)}
              />
              {m === "full" ? t.modeFull : t.modeEducation}
            </label>
          ))}
          {!fullGuide && (
            <p id="guide-mode-role" className="hint">
              {t.modeRoleEducationOnly}
            </p>
          )}
        </fieldset>
      </div>
      {steps.length > 1 && (
        <ol className="steps" aria-label={t.guideHeading}>
          {steps.map((s) => (
            <li key={s.id} aria-current={state.step === s.id ? "step" : undefined}>
              {s.label}
            </li>
          ))}
        </ol>
      )}
      {state.step === "c" && (
        <ConfidentialityStep
          t={t}
          state={state}
          setting={setting}
          update={update}
          headingRef={headingRef}
          onNotSafe={() => go("not-safe")}
          onNext={() => go("ue")}
          age={patient.birthDate ? ageOn(patient.birthDate, new Date()) : undefined}
          minorAgeBelow={clinic.jurisdiction.minorAgeBelow}
          jurisdiction={clinic.jurisdiction.name}
          reporting={clinic.jurisdiction.mandatoryReporting}
        />
      )}
      {state.step === "ue" && (
        <EducationStep
          t={t}
          setting={setting}
          state={state}
          update={update}
          headingRef={headingRef}
          staffLang={staffLang}
          onBack={state.mode === "full" ? () => go("c") : undefined}
          onNext={state.mode === "full" ? () => go("s") : undefined}
        />
      )}
      {state.step === "s" && (
        <SupportStep
          t={t}
          protocol={strangulationProtocol(clinic, staffLang)}
          state={state}
          update={update}
          headingRef={headingRef}
          onBack={() => go("ue")}
          onNothingNow={() => go("nothing-now")}
          onReferral={() => {
            const urgency = assessUrgency(state.answers).level;
            const cards = chosenCards(state, clinic.safetyCards);
            onReferral({
              language: state.language,
              needs: state.goals,
              urgency,
              educationRecorded: state.education.recorded,
              ...(!state.education.recorded && state.education.offeredAt && cards.length
                ? {
                    education: {
                      clientId: state.education.clientId,
                      cards,
                      offeredAt: state.education.offeredAt,
                    },
                  }
                : {}),
              setting,
            });
          }}
        />
      )}
      {state.step === "not-safe" && (
        <section aria-labelledby="step-heading" className="step">
          <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
            {t.notSafeHeading}
          </h2>
          <ul>
            {t.notSafeSteps.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>{t.notSafeClosing}</p>
          <blockquote className="say">{packFor(state.language).patient.notSafeClosing}</blockquote>
          <p role="status" data-testid="nothing-written">
            {t.notSafeNothingWritten}
          </p>
          <div className="actions">
            <button type="button" onClick={() => go("c")}>
              {t.notSafeBack}
            </button>
          </div>
        </section>
      )}
      {state.step === "nothing-now" && (
        <section aria-labelledby="step-heading" className="step">
          <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
            {t.nothingNowHeading}
          </h2>
          <ul>
            {t.nothingNowSteps.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={() => go("s")}>
              {t.back}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

type Update = (fn: (s: GuideState) => GuideState) => void;
type HeadingRef = RefObject<HTMLHeadingElement | null>;

function ConfidentialityStep({
  t,
  state,
  setting,
  update,
  headingRef,
  onNotSafe,
  onNext,
  age,
  minorAgeBelow,
  jurisdiction,
  reporting,
}: {
  t: StaffText;
  state: GuideState;
  setting: Setting;
  update: Update;
  headingRef: HeadingRef;
  onNotSafe: () => void;
  onNext: () => void;
  age: number | undefined;
  minorAgeBelow: number;
  jurisdiction: string;
  reporting: { adult: Record<string, string>; minor: Record<string, string> };
}) {
  const patientText = packFor(state.language).patient;
  const minor = age !== undefined && age < minorAgeBelow;
  const texts = minor ? reporting.minor : reporting.adult;
  const limitsText = texts[state.language] ?? texts.en ?? "";
  const remote = isRemote(setting);
  const check = (key: keyof GuideState["checklist"], value: boolean) =>
    update((s) => ({ ...s, checklist: { ...s.checklist, [key]: value } }));
  const answerRemote = (key: "safeTime" | "alone", value: boolean) => {
    update((s) => ({ ...s, remote: { ...s.remote, [key]: value } }));
    if (!value) onNotSafe();
  };
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
      {remote && (
        <fieldset data-testid="remote-check">
          <legend>{t.remoteLegend}</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={state.yesNo}
              onChange={(e) => update((s) => ({ ...s, yesNo: e.target.checked }))}
              aria-describedby="yes-no-hint"
            />
            {t.yesNoMode}
          </label>
          <p id="yes-no-hint" className="hint">
            {t.yesNoModeHint}
          </p>
          {(
            [
              ["safeTime", t.safeTime, patientText.safeTime],
              ["alone", t.aloneRemote, patientText.aloneRemote],
            ] as const
          ).map(([key, label, say]) => (
            <fieldset key={key} className="yes-no">
              <legend>{label}</legend>
              <p className="say">{state.yesNo ? say.yesNo : say.open}</p>
              <label>
                <input
                  type="radio"
                  name={`remote-${key}`}
                  checked={state.remote[key] === true}
                  onChange={() => answerRemote(key, true)}
                />
                {t.yes}
              </label>
              <label>
                <input
                  type="radio"
                  name={`remote-${key}`}
                  checked={state.remote[key] === false}
                  onChange={() => answerRemote(key, false)}
                />
                {t.no}
              </label>
            </fieldset>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t.checklistLegend}</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={state.checklist.alone}
            onChange={(e) => check("alone", e.target.checked)}
          />
          {t.alone}
        </label>
        {!remote && (
          <p className="hint">
            {t.aloneTip} <span className="say">{patientText.stepOut}</span>
          </p>
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={state.checklist.interpreter}
            onChange={(e) => check("interpreter", e.target.checked)}
          />
          {t.interpreter}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={state.checklist.limits}
            onChange={(e) => check("limits", e.target.checked)}
          />
          {t.limits}
        </label>
        {(t.settingChecks[setting] ?? []).map((line, i) => (
          <label key={line} className="inline" data-testid="setting-check">
            <input
              type="checkbox"
              checked={state.settingChecks?.[`${setting}:${i}`] === true}
              onChange={(e) =>
                update((s) => ({
                  ...s,
                  settingChecks: { ...s.settingChecks, [`${setting}:${i}`]: e.target.checked },
                }))
              }
            />
            {line}
          </label>
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

interface CatalogCard {
  id: string;
  type: CardType;
  title: Record<string, string>;
  languages: string[];
}

/** The default two cards: a general one, and one that suits the patient. */
function defaultCards(catalog: CatalogCard[], language: string, minor: boolean): string[] {
  const available = catalog.filter((c) => c.languages.includes(language));
  const list = available.length ? available : catalog;
  const prefer: CardType[] = minor
    ? ["adolescent", "general", "reproductive-health"]
    : ["general", "reproductive-health", "lgbtq"];
  const picked: string[] = [];
  for (const type of prefer) {
    const card = list.find((c) => c.type === type && !picked.includes(c.id));
    if (card && picked.length < 2) picked.push(card.id);
  }
  for (const card of list) if (picked.length < 2 && !picked.includes(card.id)) picked.push(card.id);
  return picked;
}

function chosenCards(state: GuideState, catalog: CatalogCard[]): CardOffered[] {
  return (state.cards ?? [])
    .map((id) => catalog.find((c) => c.id === id))
    .filter((c): c is CatalogCard => Boolean(c))
    .map((c) => ({
      id: c.id,
      type: c.type,
      language: c.languages.includes(state.language) ? state.language : (c.languages[0] ?? "en"),
    }));
}

function EducationStep({
  t,
  setting,
  state,
  update,
  headingRef,
  staffLang,
  onBack,
  onNext,
}: {
  t: StaffText;
  setting: Setting;
  state: GuideState;
  update: Update;
  headingRef: HeadingRef;
  staffLang: string;
  onBack: (() => void) | undefined;
  onNext: (() => void) | undefined;
}) {
  const session = useChartSession();
  const queryClient = useQueryClient();
  const { patient, clinic, user } = session;
  const catalog = clinic.safetyCards as CatalogCard[];
  const minor =
    patient.birthDate !== undefined &&
    (ageOn(patient.birthDate, new Date()) ?? 99) < clinic.jurisdiction.minorAgeBelow;
  const selected = state.cards ?? defaultCards(catalog, state.language, minor);
  const inLanguage = catalog.filter((c) => c.languages.includes(state.language));
  const shown = inLanguage.length ? inLanguage : catalog;
  const patientText = packFor(state.language).patient;
  const [busy, setBusy] = useState(false);
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

  const toggleCard = (id: string, on: boolean) =>
    update((s) => {
      const current = s.cards ?? selected;
      return { ...s, cards: on ? [...current, id] : current.filter((c) => c !== id) };
    });

  async function record() {
    setProblem(null);
    setFailure(null);
    const cards = chosenCards({ ...state, cards: selected }, catalog);
    if (cards.length === 0) return setProblem(t.needCard);
    setBusy(true);
    try {
      requireCapability(session, "record-education");
      const bundle = buildEducationBundle({
        clientId: state.education.clientId,
        patientId: patient.id,
        encounterId: session.encounterId,
        performer: user.reference,
        performedAt: state.education.offeredAt ?? new Date().toISOString(),
        cards,
        labelPolicy: clinic.labelPolicy,
        setting,
      });
      await session.http.request(bundleResponseSchema, "", { method: "POST", body: bundle });
      update((s) => ({ ...s, cards: selected, education: { ...s.education, recorded: true } }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(patient.id) });
    } catch (error) {
      setFailure(
        error instanceof FailureError
          ? error.failure
          : { kind: "unexpected", message: "The record could not be saved." },
      );
    } finally {
      setBusy(false);
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
      <fieldset>
        <legend>{t.cardsLegend}</legend>
        <p className="hint">{t.cardsHint}</p>
        {!inLanguage.length && (
          <p className="hint">{t.noCardsIn(languageName(state.language, staffLang))}</p>
        )}
        <div className="choices cards">
          {shown.map((card) => (
            <label key={card.id}>
              <input
                type="checkbox"
                checked={selected.includes(card.id)}
                disabled={state.education.recorded}
                onChange={(e) => toggleCard(card.id, e.target.checked)}
              />
              <span>
                {card.title[staffLang] ?? card.title.en}
                <span className="hint">
                  {" "}
                  ·{" "}
                  {t.cardLanguages(
                    card.languages.map((l) => languageName(l, staffLang)).join(", "),
                  )}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        {state.education.recorded ? (
          <p role="status" className="ok" data-testid="education-recorded">
            {t.educationRecorded}
          </p>
        ) : (
          <button type="button" className="primary" onClick={() => void record()} disabled={busy}>
            {busy ? t.recording : t.recordEducation}
          </button>
        )}
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {failure && <FailureAlert failure={failure} lang={staffLang === "es" ? "es" : "en"} />}
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

function SupportStep({
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
  state: GuideState;
  update: Update;
  headingRef: HeadingRef;
  onBack: () => void;
  onNothingNow: () => void;
  onReferral: () => void;
}) {
  const patientText = packFor(state.language).patient;
  const urgency = assessUrgency(state.answers);
  const suggested = suggestedServices(state.answers);
  const [problem, setProblem] = useState<string | null>(null);
  const services = [...suggested, ...CODES.dsvServices.filter((code) => !suggested.includes(code))];
  const toggleGoal = (code: string, on: boolean) =>
    update((s) => ({
      ...s,
      goals: on ? [...s.goals, code] : s.goals.filter((g) => g !== code),
    }));
  return (
    <section aria-labelledby="step-heading" className="step" data-step="s">
      <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
        {t.steps.s}
      </h2>
      <section aria-labelledby="validate-heading">
        <h3 id="validate-heading">{t.validateHeading}</h3>
        <PackNotes language={state.language} />
        <ul className="say" lang={packFor(state.language).lang}>
          {patientText.validating.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <fieldset>
        <legend>{t.safetyLegend}</legend>
        <p className="hint">{t.safetyHint}</p>
        {/* Each item is the question as asked, answered Yes / No: a quick click can never
            invert the answer (the domain's SAFETY_POLARITY says which answer raises it). */}
        <div className="choices safety">
          {SAFETY_ITEMS.map((item) => (
            <fieldset key={item} className="yes-no" data-item={item}>
              <legend>
                {t.safetyControls[item]}
                <span className="ask" lang={packFor(state.language).lang}>
                  {state.yesNo
                    ? patientText.safetyQuestions[item].yesNo
                    : patientText.safetyQuestions[item].open}
                </span>
              </legend>
              {(["yes", "no"] as const).map((answer) => (
                <label key={answer}>
                  <input
                    type="radio"
                    name={`safety-${item}`}
                    value={answer}
                    checked={answerOf(item, state.answers) === answer}
                    onChange={() =>
                      update((s) => ({
                        ...s,
                        answers: { ...s.answers, [item]: raisedBy(item, answer) },
                      }))
                    }
                  />
                  {answer === "yes" ? t.yes : t.no}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </fieldset>
      {urgency.strangulation && (
        <section
          aria-labelledby="strangulation-heading"
          className="alert strangulation"
          data-testid="strangulation-prompt"
        >
          <h3 id="strangulation-heading">{t.strangulationHeading}</h3>
          <p>{t.strangulationWarning}</p>
          <h4>{t.strangulationProtocolHeading}</h4>
          <p data-testid="strangulation-protocol">{protocol}</p>
        </section>
      )}
      <section
        aria-labelledby="urgency-heading"
        className={`urgency urgency-${urgency.level}`}
        data-testid="urgency"
        data-level={urgency.level}
      >
        <h3 id="urgency-heading">
          {t.urgencyHeading}: {t.urgency[urgency.level].label}
        </h3>
        <p aria-live="polite">{t.urgency[urgency.level].meaning}</p>
        {urgency.reasons.length > 0 && (
          <p className="hint">
            {t.urgencyBecause} {urgency.reasons.map((r) => t.safetyItems[r]).join("; ")}
          </p>
        )}
      </section>
      <fieldset>
        <legend>{t.goalsLegend}</legend>
        <p className="say">{patientText.goalsQuestion}</p>
        <p className="hint">{t.goalsHint}</p>
        <div className="choices">
          {services.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={state.goals.includes(code)}
                onChange={(e) => toggleGoal(code, e.target.checked)}
              />
              {t.services[code] ?? code}
            </label>
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
        <button
          type="button"
          className="primary"
          onClick={() => (state.goals.length ? onReferral() : setProblem(t.pickGoal))}
        >
          {t.toReferral}
        </button>
      </div>
    </section>
  );
}

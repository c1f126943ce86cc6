import { useEffect, useMemo, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { requireCapability, signInAgainThen, useChartSession } from "../../app/session";
import { minorConsentText } from "../../config/clinicConfig";
import { describeFailure } from "../../content/failures";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { packFor } from "../../content/packs/index";
import type { StaffText } from "../../content/packs/types";
import {
  addDays,
  HANDOFF_METHODS,
  NATIONAL_DV_HOTLINE,
  newClientId,
  priorityFor,
  type HandoffMethod,
  type SafeContact,
  type SupportSummary,
} from "../../domain/journey";
import {
  isAfterHours,
  lines247,
  matchPartners,
  type PartnerMatch,
} from "../../domain/partnerMatch";
import type { ReferralIds, ReferralInput } from "../../fhir/builders/referral";
import { FailureError, type Failure } from "../../fhir/failures";
import { partnerDirectoryQuery, type PartnerDirectory } from "../../fhir/partners";
import { isOpenAt, type Partner } from "../../domain/partner";
import { ageOn } from "../../domain/people";
import { followUpDays } from "../../domain/worklist";
import { queryKeys } from "../../fhir/queryKeys";
import { sendReferral, type ContentField } from "./api/sendReferral";
import { useRemembered } from "../../ui/useRemembered";
import { useStepFocus } from "../../ui/useStepFocus";
import { FailureAlert } from "../../ui/FailureAlert";
import { Phone } from "../../ui/ResourceCard";
import { Name, PhoneText, fillNodeLines, fillNodes } from "../../ui/Bidi";

// The warm referral: partner match + handoff → consent + safe contact → review → ONE
// transaction (Consent + ServiceRequest + Task [+ education Procedure]), each entry a
// conditional create on a client-made identifier made once per draft, so a retry never
// duplicates. The draft lives in memory only; a failed write keeps it for a retry.

type Step = "partner" | "consent" | "review" | "done";

/** The partner choice "no partner": a hotline-only or card-only handoff, nothing shared. */
const NO_PARTNER = "none";
const NO_PARTNER_HANDOFFS: readonly HandoffMethod[] = ["hotline", "card-only"];

interface Draft {
  ids: ReferralIds;
  step: Step;
  partnerId: string | null;
  handoff: HandoffMethod | null;
  consentAgreed: boolean;
  consentEnd: string;
  safeContact: SafeContact;
  /** Fixed at the first send, so every retry sends the very same bundle. */
  authoredAt: string | null;
  sent: string[] | null;
  /** What a retry brought up to date on the server after a lost answer (api/sendReferral.ts). */
  updated: ContentField[];
}

/** Which named part of the referral a changed field belongs to, for the done screen. */
const CHANGED_PART = {
  partner: "partner",
  partnerService: "partner",
  services: "services",
  priority: "priority",
  handoff: "handoff",
  safeContact: "safeContact",
  consentEnd: "consent",
  consentActive: "consent",
} as const satisfies Record<ContentField, string>;

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/** "2027-02-20" → "February 20, 2027" (or "20 de febrero de 2027"). */
function longDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T12:00:00`);
  if (Number.isNaN(date.getTime())) return isoDate;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(date);
  } catch {
    return isoDate;
  }
}

export default function ReferralFlow({
  support,
  onDone,
  onOpenResourceCard,
}: {
  support: SupportSummary;
  onDone: () => void;
  /** Opens the clinic's local resource card (the partner directory's printable card). */
  onOpenResourceCard: () => void;
}) {
  const session = useChartSession();
  const queryClient = useQueryClient();
  const { patient, clinic, user } = session;
  const staffLang = useStaffLanguage();
  const t = packFor(staffLang).staff;
  const patientText = packFor(support.language).patient;

  const freshDraft = (): Draft => ({
    ids: { consent: newClientId(), serviceRequest: newClientId(), task: newClientId() },
    step: "partner",
    partnerId: null,
    handoff: null,
    consentAgreed: false,
    consentEnd: dateOnly(addDays(new Date(), clinic.consent.defaultDays)),
    safeContact: {
      noContact: false,
      voicemailOk: false,
      mayNameAgency: false,
      coverStory: t.coverStoryDefault,
    },
    authoredAt: null,
    sent: null,
    updated: [],
  });
  const [draft, update] = useRemembered<Draft>("referral", patient.id, freshDraft);

  const partners = useQuery({
    ...partnerDirectoryQuery(session.http, clinic.clinicOrganization),
    select: toPartners,
  });
  const match = useMemo(
    () =>
      partners.data
        ? matchPartners(
            partners.data,
            { needs: support.needs, language: support.language, at: new Date() },
            isOpenAt,
          )
        : null,
    [partners.data, support.needs, support.language],
  );
  const chosen = match?.referable.find((m) => m.partner.id === draft.partnerId) ?? null;
  const noPartner = draft.partnerId === NO_PARTNER;
  const age = patient.birthDate ? ageOn(patient.birthDate, new Date()) : undefined;
  const minor = age !== undefined && age < clinic.jurisdiction.minorAgeBelow;
  // Connect now, and no matched partner is open: lead with the lines open 24/7.
  const afterHours = match ? isAfterHours(support.urgency, match) : false;
  const open247 = useMemo(
    () => (partners.data ? lines247(partners.data, support.language) : []),
    [partners.data, support.language],
  );
  // A three-way call only with a line that answers now (never a closed one).
  const handoffs = HANDOFF_METHODS.filter((m) =>
    noPartner
      ? NO_PARTNER_HANDOFFS.includes(m)
      : m !== "call-together" || !chosen || Boolean(chosen.openLine),
  ).sort((a, b) => (afterHours ? Number(b === "hotline") - Number(a === "hotline") : 0));

  // Leaving with an unsaved referral asks first (the draft is in memory only).
  const unsaved = draft.step !== "done" && (draft.partnerId !== null || draft.consentAgreed);
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [unsaved]);

  const headingRef = useStepFocus(draft.step);
  // The referral step takes over from the guide: focus its heading on arrival.
  useEffect(() => headingRef.current?.focus(), [headingRef]);

  const [openedAt] = useState(() => new Date());
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const go = (step: Step) => {
    setProblem(null);
    update((d) => ({ ...d, step }));
  };

  // The follow-up date depends on urgency: "connect now" follows up within days.
  const followUpAfter = followUpDays(clinic.followUp, support.urgency);
  const followUpDue = addDays(
    draft.authoredAt ? new Date(draft.authoredAt) : openedAt,
    followUpAfter,
  );
  const contactPhone = chosen ? partnerPhone(chosen) : undefined;

  async function submit() {
    if ((!chosen && !noPartner) || !draft.handoff) return;
    setFailure(null);
    setBusy(true);
    const authoredAt = draft.authoredAt ?? new Date().toISOString();
    // Any earlier send may have reached the server with its answer lost: read back first.
    const retry = draft.authoredAt !== null;
    if (!draft.authoredAt) update((d) => ({ ...d, authoredAt }));
    try {
      requireCapability(session, "send-referral");
      const input: ReferralInput = {
        ids: draft.ids,
        patientId: patient.id,
        encounterId: session.encounterId,
        requester: user.reference,
        clinicOrganization: clinic.clinicOrganization,
        ...(chosen ? { partnerOrganizationId: chosen.partner.id } : {}),
        ...(chosen?.services[0] ? { partnerServiceId: chosen.services[0].id } : {}),
        services: support.needs,
        priority: priorityFor(support.urgency),
        handoff: draft.handoff,
        safeContact: draft.safeContact,
        authoredAt,
        consentEnd: new Date(`${draft.consentEnd}T23:59:59`).toISOString(),
        followUpDue: addDays(new Date(authoredAt), followUpAfter).toISOString(),
        labelPolicy: clinic.labelPolicy,
        ...(support.setting ? { setting: support.setting } : {}),
        ...(support.education && !support.educationRecorded
          ? {
              education: {
                clientId: support.education.clientId,
                performer: user.reference,
                performedAt: support.education.offeredAt,
                cards: support.education.cards,
              },
            }
          : {}),
      };
      const result = await sendReferral(session.http, input, { retry });
      update((d) => ({ ...d, step: "done", sent: result.references, updated: result.updated }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(patient.id) });
    } catch (error) {
      setFailure(
        error instanceof FailureError
          ? error.failure
          : { kind: "unexpected", message: "The referral could not be sent." },
      );
    } finally {
      setBusy(false);
    }
  }

  const stepList: { id: Step; label: string }[] = [
    { id: "partner", label: t.steps.partner },
    { id: "consent", label: t.steps.consent },
    { id: "review", label: t.steps.review },
    { id: "done", label: t.steps.done },
  ];
  const partnerName = chosen?.partner.name ?? "";

  return (
    <section className="guide referral" aria-labelledby="referral-title">
      <h1 id="referral-title" className="guide-title">
        {t.guideHeading}
      </h1>
      <ol className="steps" aria-label={t.guideHeading}>
        {stepList.map((s) => (
          <li key={s.id} aria-current={draft.step === s.id ? "step" : undefined}>
            {s.label}
          </li>
        ))}
      </ol>
      <p
        className={`urgency urgency-${support.urgency}`}
        data-testid="referral-urgency"
        data-level={support.urgency}
      >
        <strong>
          {t.urgencyHeading}: {t.urgency[support.urgency].label}.
        </strong>{" "}
        {t.urgency[support.urgency].meaning}
      </p>

      {draft.step === "partner" && (
        <section aria-labelledby="step-heading" className="step" data-step="partner">
          <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
            {t.steps.partner}
          </h2>
          {partners.isPending && <p role="status">{t.partnersLoading}</p>}
          {partners.isError && (
            <p role="alert" className="error">
              {t.partnersFailed}{" "}
              {partners.error instanceof FailureError
                ? describeFailure(partners.error.failure, staffLang === "es" ? "es" : "en").message
                : ""}
            </p>
          )}
          {match && afterHours && (
            <section
              aria-labelledby="after-hours-heading"
              className="after-hours"
              data-testid="after-hours"
            >
              <h3 id="after-hours-heading">{t.afterHoursHeading}</h3>
              <p>{t.afterHoursLead}</p>
              <ul>
                {open247.map((l) => (
                  <li key={l.phone} data-testid="line-247">
                    {fillNodes(t.partnerLine247, l.partner, <PhoneText number={l.phone} />)}
                  </li>
                ))}
                <li data-testid="line-247">{t.hotlineLine}</li>
              </ul>
            </section>
          )}
          {match && (
            <>
              <fieldset>
                <legend>{t.partnersHeading}</legend>
                {match.referable.length === 0 && <p>{t.noPartners}</p>}
                <div className="choices partners">
                  {match.referable.map((m) => (
                    <label key={m.partner.id} className="partner-option">
                      <input
                        type="radio"
                        name="partner"
                        checked={draft.partnerId === m.partner.id}
                        onChange={() => update((d) => ({ ...d, partnerId: m.partner.id }))}
                      />
                      <PartnerSummary m={m} t={t} language={support.language} />
                    </label>
                  ))}
                  <label className="partner-option">
                    <input
                      type="radio"
                      name="partner"
                      checked={noPartner}
                      onChange={() =>
                        update((d) => ({
                          ...d,
                          partnerId: NO_PARTNER,
                          handoff:
                            d.handoff && NO_PARTNER_HANDOFFS.includes(d.handoff) ? d.handoff : null,
                        }))
                      }
                    />
                    <span className="partner-summary">
                      <strong>{t.withoutPartner}</strong>
                      <span className="hint">{t.withoutPartnerHint}</span>
                    </span>
                  </label>
                </div>
              </fieldset>
              {match.contactsOnly.length > 0 && (
                <section aria-labelledby="contacts-heading" className="contacts-only">
                  <h3 id="contacts-heading">{t.contactsOnlyHeading}</h3>
                  <p className="hint">{t.contactsOnlyHint}</p>
                  <ul>
                    {match.contactsOnly.map((m) => (
                      <li key={m.partner.id}>
                        <Name>{m.partner.name}</Name>
                        {partnerPhone(m) && (
                          <>
                            {" "}
                            · <PhoneText number={partnerPhone(m) ?? ""} />
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </>
          )}
          <fieldset>
            <legend>{t.handoffLegend}</legend>
            <div className="choices">
              {handoffs.map((method) => (
                <label key={method}>
                  <input
                    type="radio"
                    name="handoff"
                    checked={draft.handoff === method}
                    onChange={() => update((d) => ({ ...d, handoff: method }))}
                  />
                  {t.handoff[method]}
                </label>
              ))}
            </div>
            {chosen && !chosen.openLine && (
              <p className="hint" data-testid="call-together-closed">
                {t.callTogetherClosed}
              </p>
            )}
            {noPartner && <p className="hint">{t.noPartnerHandoffOnly}</p>}
          </fieldset>
          {draft.handoff === "call-together" && chosen?.openLine && (
            <section
              aria-labelledby="call-heading"
              className="call-script"
              data-testid="call-script"
            >
              <h3 id="call-heading">{t.callScriptHeading}</h3>
              <ol>
                {fillNodeLines(
                  t.callScript,
                  chosen.partner.name,
                  <PhoneText number={chosen.openLine} />,
                ).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
            </section>
          )}
          {draft.handoff === "chat" && chosen?.services.find((s) => s.chat) && (
            <p>{t.chatLine(chosen.services.find((s) => s.chat)?.chat ?? "")}</p>
          )}
          <p className="hotline" data-testid="hotline">
            {t.hotlineLine}
          </p>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() =>
                !chosen && !noPartner
                  ? setProblem(t.choosePartner)
                  : !draft.handoff || !handoffs.includes(draft.handoff)
                    ? setProblem(noPartner ? t.noPartnerHandoffOnly : t.handoffLegend)
                    : go(noPartner ? "review" : "consent")
              }
            >
              {t.next}
            </button>
          </div>
        </section>
      )}

      {draft.step === "consent" && chosen && (
        <section aria-labelledby="step-heading" className="step" data-step="consent">
          <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
            {t.steps.consent}
          </h2>
          <fieldset>
            <legend>{t.consentLegend}</legend>
            <p className="say" lang={packFor(support.language).lang}>
              {fillNodes(
                patientText.consentExplain,
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
            <div className="field">
              <label htmlFor="consent-end">{t.consentUntil}</label>
              <input
                id="consent-end"
                type="date"
                value={draft.consentEnd}
                min={dateOnly(new Date())}
                onChange={(e) => update((d) => ({ ...d, consentEnd: e.target.value }))}
              />
            </div>
            <p className="hint">{t.consentWithdraw}</p>
            {minor && (
              <p className="alert" data-testid="minor-consent">
                {minorConsentText(clinic, staffLang)}
              </p>
            )}
            <label className="inline">
              <input
                type="checkbox"
                checked={draft.consentAgreed}
                onChange={(e) => update((d) => ({ ...d, consentAgreed: e.target.checked }))}
              />
              {fillNodes(t.consentAgree, partnerName)}
            </label>
          </fieldset>
          <SafeContactFields
            t={t}
            value={draft.safeContact}
            onChange={(safeContact) => update((d) => ({ ...d, safeContact }))}
          />
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => go("partner")}>
              {t.back}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() =>
                !draft.consentAgreed || !draft.consentEnd
                  ? setProblem(t.consentNeeded)
                  : !draft.safeContact.noContact && !draft.safeContact.safePhone?.trim()
                    ? setProblem(t.phoneNeeded)
                    : go("review")
              }
            >
              {t.next}
            </button>
          </div>
        </section>
      )}

      {draft.step === "review" && (chosen || noPartner) && draft.handoff && (
        <section aria-labelledby="step-heading" className="step" data-step="review">
          <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
            {t.reviewHeading}
          </h2>
          <div className="review-columns">
            <section aria-labelledby="sent-heading" data-testid="review-sent">
              <h3 id="sent-heading">
                {noPartner ? t.sentNowhere : fillNodes(t.sentHeading, partnerName)}
              </h3>
              <dl className="context">
                <dt>{t.reviewRows.services}</dt>
                <dd>{support.needs.map((n) => t.services[n] ?? n).join(", ") || t.none}</dd>
                <dt>{t.reviewRows.priority}</dt>
                <dd>{t.urgency[support.urgency].label}</dd>
                <dt>{t.reviewRows.handoff}</dt>
                <dd>{t.handoff[draft.handoff]}</dd>
                {!noPartner && (
                  <>
                    <dt>{t.reviewRows.contact}</dt>
                    <dd>{describeContact(draft.safeContact, t)}</dd>
                    <dt>{t.reviewRows.consentUntil}</dt>
                    <dd>{longDate(draft.consentEnd, staffLang)}</dd>
                  </>
                )}
              </dl>
            </section>
            <section aria-labelledby="stays-heading" data-testid="review-stays">
              <h3 id="stays-heading">{t.staysHeading}</h3>
              <ul>
                {t.staysItems.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              <dl className="context">
                <dt>{t.reviewRows.followUp}</dt>
                <dd>{longDate(dateOnly(followUpDue), staffLang)}</dd>
                <dt>{t.reviewRows.education}</dt>
                <dd>{support.educationRecorded || support.education ? t.yesText : t.noText}</dd>
              </dl>
            </section>
          </div>
          {failure && (
            <FailureAlert
              failure={failure}
              lang={staffLang === "es" ? "es" : "en"}
              what={t.sendFailedWhat}
              onReauthorize={signInAgainThen(session, submit, setFailure)}
            >
              <p>{t.failedKeep}</p>
            </FailureAlert>
          )}
          <div className="actions">
            <button
              type="button"
              onClick={() => go(noPartner ? "partner" : "consent")}
              disabled={busy}
            >
              {t.back}
            </button>
            <button type="button" className="primary" onClick={() => void submit()} disabled={busy}>
              {busy ? t.sending : failure ? t.retry : t.submit}
            </button>
          </div>
        </section>
      )}

      {draft.step === "done" && (
        <section aria-labelledby="step-heading" className="step" data-step="done">
          <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
            {t.doneHeading}
          </h2>
          <ul data-testid="recorded">
            {(noPartner ? t.recordedNoPartner : fillNodeLines(t.recordedItems, partnerName)).map(
              (item, i) => (
                <li key={i}>{item}</li>
              ),
            )}
          </ul>
          {draft.updated.length > 0 && (
            <p className="notice" role="status" data-testid="updated-on-server">
              {t.updatedOnServer(
                [...new Set(draft.updated.map((field) => t.changedPart[CHANGED_PART[field]]))].join(
                  ", ",
                ),
              )}
            </p>
          )}
          <section aria-labelledby="contact-heading">
            <h3 id="contact-heading">{t.partnerContact}</h3>
            {!noPartner && (
              <p data-testid="partner-contact">
                <Name>{partnerName}</Name>
                {contactPhone && (
                  <>
                    {" · "}
                    <span className="phone" dir="ltr">
                      {contactPhone}
                    </span>
                  </>
                )}
              </p>
            )}
            <p>{t.hotlineLine}</p>
          </section>
          <div
            className="print-card"
            data-testid="print-card"
            lang={packFor(support.language).lang}
          >
            <p className="print-card-title">{patientText.card.title}</p>
            {contactPhone && (
              <p>
                {patientText.card.line}: <Phone number={contactPhone} />
              </p>
            )}
            <p>
              {patientText.card.hotline}: <Phone number={NATIONAL_DV_HOTLINE} />
            </p>
            <p>{patientText.card.note}</p>
          </div>
          <div className="actions">
            <button type="button" onClick={() => window.print()}>
              {t.printCard}
            </button>
            <button type="button" onClick={onOpenResourceCard}>
              {t.resourceCard}
            </button>
            <button type="button" onClick={() => update(() => freshDraft())}>
              {t.anotherReferral}
            </button>
            <button type="button" className="primary" onClick={onDone}>
              {t.finish}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

const toPartners = (d: PartnerDirectory) => d.records.map((r) => r.partner);

function partnerPhone(m: PartnerMatch): string | undefined {
  return m.services.find((s) => s.phone)?.phone ?? (m.partner as Partner).phone;
}

function PartnerSummary({ m, t, language }: { m: PartnerMatch; t: StaffText; language: string }) {
  const staffLang = useStaffLanguage();
  const lang = new Intl.DisplayNames([staffLang], { type: "language" }).of(language) ?? language;
  return (
    <span className="partner-summary">
      <strong>
        <Name>{m.partner.name}</Name>
      </strong>
      {partnerPhone(m) && (
        <span>
          {" · "}
          <span className="phone" dir="ltr">
            {partnerPhone(m)}
          </span>
        </span>
      )}
      <span className="badges">
        <span className={`badge ${m.openNow ? "badge-ok" : "badge-muted"}`}>
          {m.open24x7 ? t.open247 : m.openNow ? t.openNow : t.closedNow}
        </span>
        <span className={`badge ${m.languageMatch ? "badge-ok" : "badge-warn"}`}>
          {m.languageMatch ? t.languageMatch(lang) : t.noLanguageMatch(lang)}
        </span>
      </span>
      <span className="hint">
        {t.covers}:{" "}
        {m.covered.map((c) => t.services[c] ?? c).join(", ") ||
          m.services.map((s) => s.name).join(", ")}
        {m.missing.length > 0 && (
          <>
            {" "}
            · {t.notCovered}: {m.missing.map((c) => t.services[c] ?? c).join(", ")}
          </>
        )}
      </span>
    </span>
  );
}

function describeContact(c: SafeContact, t: StaffText): string {
  if (c.noContact) return t.noContact;
  return [
    c.safePhone,
    c.safeTimes,
    `${t.voicemailOk}: ${c.voicemailOk ? t.yesText : t.noText}`,
    `${t.mayNameAgency}: ${c.mayNameAgency ? t.yesText : t.noText}`,
    !c.mayNameAgency && c.coverStory ? `${t.coverStory}: ${c.coverStory}` : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
}

function SafeContactFields({
  t,
  value,
  onChange,
}: {
  t: StaffText;
  value: SafeContact;
  onChange: (v: SafeContact) => void;
}) {
  const set = (patch: Partial<SafeContact>) => onChange({ ...value, ...patch });
  return (
    <fieldset>
      <legend>{t.safeContactLegend}</legend>
      <label className="inline">
        <input
          type="checkbox"
          checked={value.noContact}
          onChange={(e) => set({ noContact: e.target.checked })}
        />
        {t.noContact}
      </label>
      {!value.noContact && (
        <>
          <div className="field">
            <label htmlFor="safe-phone">{t.safePhone}</label>
            <input
              id="safe-phone"
              type="tel"
              autoComplete="off"
              aria-describedby="safe-phone-hint"
              value={value.safePhone ?? ""}
              onChange={(e) => set({ safePhone: e.target.value })}
            />
            <span id="safe-phone-hint" className="hint">
              {t.safePhoneHint}
            </span>
          </div>
          <div className="field">
            <label htmlFor="safe-times">{t.safeTimes}</label>
            <input
              id="safe-times"
              type="text"
              autoComplete="off"
              value={value.safeTimes ?? ""}
              onChange={(e) => set({ safeTimes: e.target.value })}
            />
          </div>
          <label className="inline">
            <input
              type="checkbox"
              checked={value.voicemailOk ?? false}
              onChange={(e) => set({ voicemailOk: e.target.checked })}
            />
            {t.voicemailOk}
          </label>
        </>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={value.mayNameAgency ?? false}
          onChange={(e) => set({ mayNameAgency: e.target.checked })}
        />
        {t.mayNameAgency}
      </label>
      {!value.mayNameAgency && (
        <div className="field">
          <label htmlFor="cover-story">{t.coverStory}</label>
          <input
            id="cover-story"
            type="text"
            autoComplete="off"
            value={value.coverStory ?? ""}
            onChange={(e) => set({ coverStory: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}

import { useEffect, useState } from "react";
import { signInAgainThen, useChartSession } from "../../app/session";
import { useText } from "../../ui/staffLanguage";
import { STAFF_TEXT } from "../../content/packs/index";
import { addDays, type SupportSummary } from "../../domain/journey";
import { isAfterHours } from "../../domain/partnerMatch";
import { failureOf, type Failure } from "../../fhir/failures";
import { followUpDays } from "../../domain/worklist";
import { useSendReferral } from "./api/sendReferral";
import { usePartnerMatch } from "./api/partners";
import { useRemembered } from "../../ui/useRemembered";
import { useStepFocus } from "../../ui/useStepFocus";
import { useWarnBeforeLeaving } from "../../ui/useWarnBeforeLeaving";
import {
  canAdvance,
  freshDraft,
  handoffsFor,
  isUnsaved,
  NO_PARTNER,
  previousStep,
  REFERRAL_STEPS,
  toReferralInput,
  type ReferralDraft,
  type Step,
} from "./draft";
import { PartnerStep } from "./PartnerStep";
import { ConsentStep } from "./ConsentStep";
import { ReviewStep } from "./ReviewStep";
import { DoneStep } from "./DoneStep";

// The warm referral: partner match + handoff → consent + safe contact → review → ONE
// transaction (Consent + ServiceRequest + Task [+ education Procedure]), each entry a
// conditional create on a client-made identifier made once per draft, so a retry never
// duplicates. The draft (./draft.ts) lives in memory only; a failed write keeps it for a retry.

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
  const { patient, clinic } = session;
  const t = useText(STAFF_TEXT);
  const fresh = () => freshDraft(new Date(), clinic.consent.defaultDays, t.coverStoryDefault);
  const [draft, update] = useRemembered<ReferralDraft>("referral", patient.id, fresh);

  const { partners, match, open247 } = usePartnerMatch(support);
  const chosen = match?.referable.find((m) => m.partner.id === draft.partnerId) ?? null;
  const noPartner = draft.partnerId === NO_PARTNER;
  // Connect now, and no matched partner is open: lead with the lines open 24/7.
  const afterHours = match ? isAfterHours(support.urgency, match) : false;
  const handoffs = handoffsFor(chosen, noPartner, afterHours);

  // Leaving with an unsaved referral asks first (the draft is in memory only).
  useWarnBeforeLeaving(isUnsaved(draft));

  const headingRef = useStepFocus(draft.step);
  // The referral step takes over from the guide: focus its heading on arrival.
  useEffect(() => headingRef.current?.focus(), [headingRef]);

  const [openedAt] = useState(() => new Date());
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const send = useSendReferral();
  const go = (step: Step) => {
    setProblem(null);
    update((d) => ({ ...d, step }));
  };
  const next = () => {
    const advance = canAdvance(draft.step, draft, { chosen, handoffs });
    if (advance.ok) go(advance.next);
    else if (advance.problem) setProblem(t[advance.problem]);
  };
  const back = () => go(previousStep(draft.step, draft));

  // The follow-up date depends on urgency: "connect now" follows up within days.
  const followUpAfter = followUpDays(clinic.followUp, support.urgency);
  const followUpDue = addDays(
    draft.authoredAt ? new Date(draft.authoredAt) : openedAt,
    followUpAfter,
  );

  async function submit() {
    const { handoff } = draft;
    if (!canAdvance("review", draft, { chosen, handoffs }).ok || !handoff) return;
    setFailure(null);
    const authoredAt = draft.authoredAt ?? new Date().toISOString();
    // Any earlier send may have reached the server with its answer lost: read back first.
    const retry = draft.authoredAt !== null;
    if (!draft.authoredAt) update((d) => ({ ...d, authoredAt }));
    const context = {
      patientId: patient.id,
      encounterId: session.encounterId,
      requester: session.user.reference,
      clinicOrganization: clinic.clinicOrganization,
      labelPolicy: clinic.labelPolicy,
      followUpAfter,
    };
    const input = toReferralInput({ ...draft, handoff }, chosen, support, context, authoredAt);
    try {
      const result = await send.mutateAsync({ input, retry });
      update((d) => ({ ...d, step: "done", sent: result.references, updated: result.updated }));
    } catch (error) {
      setFailure(failureOf(error, "The referral could not be sent."));
    }
  }

  const partnerName = chosen?.partner.name ?? "";
  const stepProps = { draft, update, headingRef };

  return (
    <section className="guide referral" aria-labelledby="referral-title">
      <h1 id="referral-title" className="guide-title">
        {t.guideHeading}
      </h1>
      <ol className="steps" aria-label={t.guideHeading}>
        {REFERRAL_STEPS.map((s) => (
          <li key={s} aria-current={draft.step === s ? "step" : undefined}>
            {t.steps[s]}
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
        <PartnerStep
          {...stepProps}
          support={support}
          partners={partners}
          match={match}
          open247={open247}
          chosen={chosen}
          afterHours={afterHours}
          handoffs={handoffs}
          problem={problem}
          onNext={next}
        />
      )}
      {draft.step === "consent" && chosen && (
        <ConsentStep
          {...stepProps}
          support={support}
          partnerName={partnerName}
          problem={problem}
          onBack={back}
          onNext={next}
        />
      )}
      {draft.step === "review" && (chosen || noPartner) && draft.handoff && (
        <ReviewStep
          support={support}
          draft={{ ...draft, handoff: draft.handoff }}
          headingRef={headingRef}
          partnerName={partnerName}
          followUpDue={followUpDue}
          failure={failure}
          busy={send.isPending}
          onReauthorize={signInAgainThen(session, submit, setFailure)}
          onBack={back}
          onSubmit={() => void submit()}
        />
      )}
      {draft.step === "done" && (
        <DoneStep
          support={support}
          draft={draft}
          headingRef={headingRef}
          chosen={chosen}
          onOpenResourceCard={onOpenResourceCard}
          onAnother={() => update(fresh)}
          onDone={onDone}
        />
      )}
    </section>
  );
}

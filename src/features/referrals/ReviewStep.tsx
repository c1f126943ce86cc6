import { STAFF_TEXT } from "../../content/packs/index";
import { StepSection, type HeadingRef, StepActions } from "../../ui/Step";
import type { HandoffMethod, SupportSummary } from "../../domain/journey";
import type { Failure } from "../../fhir/failures";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { FailureAlert } from "../../ui/FailureAlert";
import { fillNodes } from "../../ui/Bidi";
import { dateOnly, NO_PARTNER, type ReferralDraft } from "./draft";
import { longDate } from "./longDate";
import { describeContact } from "./SafeContactFields";

// Step 3 of the referral: what is sent to the partner and what stays in the clinic, then the
// one transaction. A failed send keeps the draft and offers the retry (or signing in again).

export function ReviewStep({
  support,
  draft,
  headingRef,
  partnerName,
  followUpDue,
  failure,
  busy,
  onReauthorize,
  onBack,
  onSubmit,
}: {
  support: SupportSummary;
  draft: ReferralDraft & { handoff: HandoffMethod };
  headingRef: HeadingRef;
  partnerName: string;
  followUpDue: Date;
  failure: Failure | null;
  busy: boolean;
  onReauthorize: (() => Promise<void>) | undefined;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const t = useText(STAFF_TEXT);
  const staffLang = useStaffLanguage();
  const noPartner = draft.partnerId === NO_PARTNER;
  return (
    <StepSection step="review" heading={t.reviewHeading} headingRef={headingRef}>
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
        <FailureAlert failure={failure} what={t.sendFailedWhat} onReauthorize={onReauthorize}>
          <p>{t.failedKeep}</p>
        </FailureAlert>
      )}
      <StepActions
        onBack={onBack}
        backLabel={t.back}
        onNext={onSubmit}
        nextLabel={busy ? t.sending : failure ? t.retry : t.submit}
        disabled={busy}
      />
    </StepSection>
  );
}

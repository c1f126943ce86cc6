import type { RefObject } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { StaffText } from "../../content/packs/types";
import type { HandoffMethod, SupportSummary } from "../../domain/journey";
import type { Line247, MatchResult, PartnerMatch } from "../../domain/partnerMatch";
import type { Partner } from "../../domain/partner";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { QueryError } from "../../ui/QueryError";
import { PhoneText, fillNodes } from "../../ui/Bidi";
import type { ReferralDraft } from "./draft";
import { PartnerChoices } from "./PartnerChoices";
import { HandoffChoices } from "./HandoffChoices";

// Step 1 of the referral: which partner (or none), and how the patient is handed over.

export function PartnerStep({
  t,
  support,
  draft,
  update,
  headingRef,
  partners,
  match,
  open247,
  chosen,
  afterHours,
  handoffs,
  problem,
  onNext,
}: {
  t: StaffText;
  support: SupportSummary;
  draft: ReferralDraft;
  update: (fn: (d: ReferralDraft) => ReferralDraft) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  partners: UseQueryResult<Partner[]>;
  match: MatchResult | null;
  open247: readonly Line247[];
  chosen: PartnerMatch | null;
  afterHours: boolean;
  handoffs: readonly HandoffMethod[];
  problem: string | null;
  onNext: () => void;
}) {
  const staffLang = useStaffLanguage();
  return (
    <section aria-labelledby="step-heading" className="step" data-step="partner">
      <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
        {t.steps.partner}
      </h2>
      {partners.isPending && <p role="status">{t.partnersLoading}</p>}
      {partners.isError && (
        <QueryError
          error={partners.error}
          lang={staffLang}
          what={t.partnersFailed}
          onRetry={() => void partners.refetch()}
        />
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
        <PartnerChoices t={t} match={match} draft={draft} update={update} support={support} />
      )}
      <HandoffChoices t={t} draft={draft} update={update} chosen={chosen} handoffs={handoffs} />
      <p className="hotline" data-testid="hotline">
        {t.hotlineLine}
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onNext}>
          {t.next}
        </button>
      </div>
    </section>
  );
}

import { STAFF_TEXT } from "../../content/packs/index";
import type { UseQueryResult } from "@tanstack/react-query";
import type { HandoffMethod, SupportSummary } from "../../domain/journey";
import type { Line247, MatchResult, PartnerMatch } from "../../domain/partnerMatch";
import type { Partner } from "../../domain/partner";
import { useText } from "../../ui/staffLanguage";
import { QueryError } from "../../ui/QueryError";
import { PhoneText, fillNodes } from "../../ui/Bidi";
import type { ReferralDraft } from "./draft";
import { PartnerChoices } from "./PartnerChoices";
import { HandoffChoices } from "./HandoffChoices";
import { ProblemText, StepSection, type StepProps, StepActions } from "../../ui/Step";

// Step 1 of the referral: which partner (or none), and how the patient is handed over.

export function PartnerStep({
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
}: StepProps<ReferralDraft> & {
  support: SupportSummary;
  partners: UseQueryResult<Partner[]>;
  match: MatchResult | null;
  open247: readonly Line247[];
  chosen: PartnerMatch | null;
  afterHours: boolean;
  handoffs: readonly HandoffMethod[];
  problem: string | null;
  onNext: () => void;
}) {
  const t = useText(STAFF_TEXT);
  return (
    <StepSection step="partner" heading={t.steps.partner} headingRef={headingRef}>
      {partners.isPending && <p role="status">{t.partnersLoading}</p>}
      {partners.isError && (
        <QueryError
          error={partners.error}
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
      {match && <PartnerChoices match={match} draft={draft} update={update} support={support} />}
      <HandoffChoices draft={draft} update={update} chosen={chosen} handoffs={handoffs} />
      <p className="hotline" data-testid="hotline">
        {t.hotlineLine}
      </p>
      <ProblemText problem={problem} />
      <StepActions onNext={onNext} nextLabel={t.next} />
    </StepSection>
  );
}

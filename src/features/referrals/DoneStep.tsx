import { useText } from "../../ui/staffLanguage";
import { StepActions, StepSection, type HeadingRef } from "../../ui/Step";
import { packFor, STAFF_TEXT } from "../../content/packs/index";
import { NATIONAL_DV_HOTLINE, type SupportSummary } from "../../domain/journey";
import type { PartnerMatch } from "../../domain/partnerMatch";
import { Phone } from "../../ui/ResourceCard";
import { Name, fillNodeLines } from "../../ui/Bidi";
import { changedParts, NO_PARTNER, partnerPhone, type ReferralDraft } from "./draft";

// The referral is sent: what was recorded, the partner's contact, and the discreet card the
// patient may take (printed with the page).

export function DoneStep({
  support,
  draft,
  headingRef,
  chosen,
  onOpenResourceCard,
  onAnother,
  onDone,
}: {
  support: SupportSummary;
  draft: ReferralDraft;
  headingRef: HeadingRef;
  chosen: PartnerMatch | null;
  onOpenResourceCard: () => void;
  onAnother: () => void;
  onDone: () => void;
}) {
  const t = useText(STAFF_TEXT);
  const noPartner = draft.partnerId === NO_PARTNER;
  const partnerName = chosen?.partner.name ?? "";
  const contactPhone = chosen ? partnerPhone(chosen) : undefined;
  const patientPack = packFor(support.language);
  const card = patientPack.patient.card;
  return (
    <StepSection step="done" heading={t.doneHeading} headingRef={headingRef}>
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
            changedParts(draft.updated)
              .map((part) => t.changedPart[part])
              .join(", "),
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
      <div className="print-card" data-testid="print-card" lang={patientPack.lang}>
        <p className="print-card-title">{card.title}</p>
        {contactPhone && (
          <p>
            {card.line}: <Phone number={contactPhone} />
          </p>
        )}
        <p>
          {card.hotline}: <Phone number={NATIONAL_DV_HOTLINE} />
        </p>
        <p>{card.note}</p>
      </div>
      <StepActions onNext={onDone} nextLabel={t.finish}>
        <button type="button" onClick={() => window.print()}>
          {t.printCard}
        </button>
        <button type="button" onClick={onOpenResourceCard}>
          {t.resourceCard}
        </button>
        <button type="button" onClick={onAnother}>
          {t.anotherReferral}
        </button>
      </StepActions>
    </StepSection>
  );
}

import { STAFF_TEXT } from "../../../content/packs/index";
import type { UpkeepForm } from "../../../domain/partnership";
import { PARTNER_TEXT } from "../strings";
import { useText } from "../../../ui/staffLanguage";

/**
 * Tier, collaboration level, MOU dates and the partnership's contact line as the partnership
 * form found them: read-only here, edited in the partner's details (the editor), so an admin
 * never has two forms for one value. The named points of contact on each side are this form's.
 */
export function KeptInDetails({
  form,
  contactLine,
  onEditDetails,
}: {
  form: UpkeepForm;
  /** The affiliation's own phone or email (OrganizationAffiliation.telecom), if any. */
  contactLine: string | undefined;
  onEditDetails: () => void;
}) {
  const ts = useText(PARTNER_TEXT);
  const t = useText(STAFF_TEXT).partnership;
  return (
    <div className="kept-elsewhere" data-testid="kept-in-details">
      <p className="hint">{t.keptInDetails}</p>
      <dl className="context">
        <dt>{ts.tier}</dt>
        <dd>
          {ts.tierLabel(Number(form.tier))}
          <span className="hint"> — {t.tierMeaning[form.tier]}</span>
        </dd>
        <dt>{ts.collaboration}</dt>
        <dd>
          {ts.collaborationLabel(form.collaboration)}
          <span className="hint"> — {t.levelMeaning[form.collaboration]}</span>
        </dd>
        <dt>
          {ts.mouStart} – {ts.mouEnd}
        </dt>
        <dd>{ts.mouPeriod(form.mouStart || undefined, form.mouEnd || undefined)}</dd>
        <dt>{ts.mouReview}</dt>
        <dd>{form.mouReview || "—"}</dd>
        <dt>{ts.partnershipContact}</dt>
        <dd>{contactLine ?? "—"}</dd>
      </dl>
      <p>
        <button type="button" className="link" onClick={onEditDetails}>
          {t.editDetails}
        </button>
      </p>
    </div>
  );
}

import { STAFF_TEXT } from "../../../content/packs/index";
import type { Partner } from "../../../domain/partner";
import { mouStatus } from "../mou";
import { PARTNER_TEXT } from "../strings";
import { useText } from "../../../ui/staffLanguage";

/** The MOU's status, the tier and collaboration level with what each means, the MOU dates. */
export function MouDetails({ partner: p }: { partner: Partner }) {
  const t = useText(PARTNER_TEXT);
  const mou = mouStatus(p.affiliation, new Date());
  const meaning = useText(STAFF_TEXT).partnership;
  return (
    <>
      <h2>{t.mou}</h2>
      <dl className="context">
        <dt>{t.mou}</dt>
        <dd data-testid="mou-status">
          <span className={`badge mou-${mou.status}`}>{t.mouStatus[mou.status]}</span>
          {mou.daysToReview !== undefined &&
            mou.status !== "expired" &&
            ` (${t.mouDays(mou.daysToReview)})`}
        </dd>
        {p.affiliation && (
          <>
            <dt>{t.tier}</dt>
            <dd>
              {t.tierLabel(p.affiliation.tier)}
              <span className="hint"> — {meaning.tierMeaning[String(p.affiliation.tier)]}</span>
            </dd>
            <dt>{t.collaboration}</dt>
            <dd>
              {t.collaborationLabel(p.affiliation.collaboration)}
              <span className="hint"> — {meaning.levelMeaning[p.affiliation.collaboration]}</span>
            </dd>
            <dt>
              {t.mouStart} – {t.mouEnd}
            </dt>
            <dd>{t.mouPeriod(p.affiliation.mouStart, p.affiliation.mouEnd)}</dd>
            {p.affiliation.mouReview && (
              <>
                <dt>{t.mouReview}</dt>
                <dd>{p.affiliation.mouReview}</dd>
              </>
            )}
            {p.affiliation.active === false && (
              <>
                <dt>{t.affiliationSection}</dt>
                <dd>{t.partnershipInactive}</dd>
              </>
            )}
          </>
        )}
      </dl>
    </>
  );
}

import { useId, useMemo, useState } from "react";
import { STAFF_TEXT } from "../../../content/packs/index";
import {
  needsReferralCount,
  partnershipReminders,
  type ReminderPartner,
} from "../../../domain/partnership";
import type { PartnerRecord } from "../../../fhir/partners";
import { useRecentReferralCounts } from "../api/partnershipReminders";
import { useText } from "../../../ui/staffLanguage";

// The workspace's partnership reminders (admins and managers, above the directory): MOU review
// due or past, no cross-training in the last year, a tier-2+ partner with no referral in 90
// days (that one on demand: its counts are the only referral data the directory would read).
// Each names the partner and opens its page.

export function toReminderPartner(record: PartnerRecord): ReminderPartner {
  const p = record.partner;
  const a = p.affiliation;
  return {
    id: p.id,
    name: p.name,
    active: p.active && Boolean(a) && a?.active !== false,
    ...(a ? { tier: a.tier } : {}),
    ...(a?.mouEnd ? { mouEnd: a.mouEnd } : {}),
    ...(a?.mouReview ? { mouReview: a.mouReview } : {}),
    crossTrainings: a?.partnership?.crossTrainings ?? [],
  };
}

export function Reminders({
  records,
  onOpen,
}: {
  records: readonly PartnerRecord[];
  onOpen: (partnerId: string) => void;
}) {
  const t = useText(STAFF_TEXT).partnership;
  const id = useId();
  // One "today" per render of the list: the rules and the count's start day agree.
  const today = useMemo(() => new Date(), []);
  const partners = useMemo(() => records.map(toReminderPartner), [records]);
  const ids = useMemo(() => partners.filter(needsReferralCount).map((p) => p.id), [partners]);
  const [asked, setAsked] = useState(false);
  const counts = useRecentReferralCounts(ids, today, asked);
  const checking = asked && counts.isPending && ids.length > 0;
  const reminders = useMemo(
    () => partnershipReminders(partners, counts.data?.counts ?? new Map(), today),
    [partners, counts.data, today],
  );
  const failed = counts.isError ? ids.length : (counts.data?.failed ?? 0);

  return (
    <section aria-labelledby={`${id}-h`} className="reminders" data-testid="partnership-reminders">
      <h2 id={`${id}-h`}>{t.remindersHeading}</h2>
      {checking && <p role="status">{t.remindersLoading}</p>}
      {reminders.length === 0 && !checking && <p>{t.noReminders}</p>}
      {reminders.length > 0 && (
        <ul>
          {reminders.map((r) => (
            <li key={`${r.partnerId}-${r.kind}`} data-kind={r.kind}>
              <button type="button" className="link" onClick={() => onOpen(r.partnerId)}>
                {t.reminders[r.kind](r.partnerName, r.date ?? "")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!asked && ids.length > 0 && (
        <p>
          <button type="button" onClick={() => setAsked(true)} data-testid="check-referrals">
            {t.checkReferrals}
          </button>
        </p>
      )}
      {failed > 0 && (
        <p className="hint" role="note">
          {t.referralCheckFailed(failed)}
        </p>
      )}
    </section>
  );
}

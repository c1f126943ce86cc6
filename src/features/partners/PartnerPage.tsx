import { useId, useState } from "react";
import { packFor } from "../../content/packs/index";
import type { PartnerRecord } from "../../fhir/partners";
import { isOpenAt, type PartnerService } from "../../domain/partner";
import { useSetPartnerActive } from "./api/partnerWrites";
import { describeError, isConflict } from "./errors";
import { mouStatus } from "./mou";
import { PartnershipSection } from "./partnership/PartnershipSection";
import { LANGUAGE_NAMES, PARTNER_TYPE_NAMES, SERVICE_NAMES, type PartnerStrings } from "./strings";

export function formatServiceHours(service: PartnerService, t: PartnerStrings): string {
  if (service.open24x7) return t.open247Badge;
  return service.hours
    .map(
      (h) =>
        `${h.days.map((d) => t.days[d] ?? d).join(", ")} ${h.start && h.end ? `${h.start}–${h.end}` : t.allDay}`,
    )
    .join("; ");
}

export function PartnerPage({
  record,
  t,
  lang,
  canEdit,
  onBack,
  onEdit,
  onChanged,
}: {
  record: PartnerRecord;
  t: PartnerStrings;
  lang: "en" | "es";
  canEdit: boolean;
  onBack: () => void;
  onEdit: () => void;
  onChanged: (message: string) => void;
}) {
  const p = record.partner;
  const id = useId();
  const now = new Date();
  const mou = mouStatus(p.affiliation, now);
  const meaning = packFor(lang).staff.partnership;
  const [error, setError] = useState<string | null>(null);
  const setPartnerActive = useSetPartnerActive();
  const busy = setPartnerActive.isPending;

  const setActive = async (active: boolean) => {
    if (!active && !window.confirm(t.deactivateConfirm)) return;
    setError(null);
    try {
      // On fresh versions for If-Match: someone may have edited since the list was loaded.
      await setPartnerActive.mutateAsync({ record, active });
      onChanged(active ? t.reactivated : t.deactivated);
    } catch (e) {
      setError(isConflict(e) ? t.conflictText : describeError(e, lang));
    }
  };

  const walkInHours = p.services
    .filter((s) => s.walkIn && s.active !== false)
    .map((s) => `${s.name}: ${formatServiceHours(s, t)}`);

  return (
    <article aria-labelledby={`${id}-name`} className="partner-page" data-testid="partner-page">
      <p>
        <button type="button" className="link" onClick={onBack}>
          {t.back}
        </button>
      </p>
      <h1 id={`${id}-name`}>{p.name}</h1>
      {!p.active && (
        <p className="badge badge-off" data-testid="partner-inactive">
          {t.inactive}
        </p>
      )}
      <p>{p.types.map((c) => PARTNER_TYPE_NAMES[lang][c] ?? c).join(" · ")}</p>
      {canEdit && (
        <div className="toolbar">
          <button type="button" onClick={onEdit} disabled={busy}>
            {t.edit}
          </button>
          {p.active ? (
            <button type="button" onClick={() => void setActive(false)} disabled={busy}>
              {t.deactivate}
            </button>
          ) : (
            <button type="button" onClick={() => void setActive(true)} disabled={busy}>
              {t.reactivate}
            </button>
          )}
        </div>
      )}
      {error && <p role="alert">{error}</p>}

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

      <PartnershipSection
        record={record}
        lang={lang}
        ts={t}
        canEdit={canEdit}
        onEditDetails={onEdit}
      />

      <h2>{t.howReferrals}</h2>
      <ul data-testid="referral-routes">
        {p.services
          .filter((s) => s.phone && s.active !== false)
          .slice(0, 3)
          .map((s) => (
            <li key={`phone-${s.id}`}>{t.warmLine(`${s.phone} (${s.name})`)}</li>
          ))}
        {walkInHours.length > 0 && <li>{t.onsiteHours(walkInHours.join("; "))}</li>}
        {p.services
          .filter((s) => s.chat && s.active !== false)
          .map((s) => (
            <li key={`chat-${s.id}`}>{t.chat(s.chat ?? "")}</li>
          ))}
        {p.endpoint && p.endpoint.status !== "off" && <li>{t.electronic(p.endpoint.address)}</li>}
        {!p.services.some((s) => s.phone || s.chat || s.walkIn) && !p.endpoint && (
          <li>{t.noReferralRoute}</li>
        )}
      </ul>

      <h2>{t.services}</h2>
      {p.services
        .filter((s) => s.active !== false)
        .map((s) => (
          <section key={s.id} className="service" aria-label={s.name}>
            <h3>
              {s.name}{" "}
              {s.open24x7 ? (
                <span className="badge">{t.open247Badge}</span>
              ) : (
                <span className="badge">
                  {isOpenAt(s, now) ? t.openNowBadge : t.closedNowBadge}
                </span>
              )}
            </h3>
            <dl className="context">
              <dt>{t.services}</dt>
              <dd>{s.services.map((c) => SERVICE_NAMES[lang][c] ?? c).join(", ")}</dd>
              <dt>{t.hours}</dt>
              <dd>
                {formatServiceHours(s, t)} · {s.walkIn ? t.walkIn : t.byAppointment}
                {s.availabilityExceptions && <> · {s.availabilityExceptions}</>}
              </dd>
              <dt>{t.languages}</dt>
              <dd>{s.languages.map((l) => LANGUAGE_NAMES[l] ?? l).join(", ")}</dd>
              {s.eligibility && (
                <>
                  <dt>{t.eligibility}</dt>
                  <dd>{s.eligibility}</dd>
                </>
              )}
              {s.phone && (
                <>
                  <dt>{t.phone}</dt>
                  <dd>{s.phone}</dd>
                </>
              )}
            </dl>
          </section>
        ))}

      <h2>{t.contacts}</h2>
      <dl className="context">
        {p.phone && (
          <>
            <dt>{t.phone}</dt>
            <dd>{p.phone}</dd>
          </>
        )}
        {p.email && (
          <>
            <dt>{t.email}</dt>
            <dd>{p.email}</dd>
          </>
        )}
        {p.website && (
          <>
            <dt>{t.website}</dt>
            <dd>{p.website}</dd>
          </>
        )}
        {p.address && (
          <>
            <dt>{t.address}</dt>
            <dd>{p.address}</dd>
          </>
        )}
        {(p.contacts ?? []).map((c, i) => (
          <div key={i} className="contents">
            <dt>{c.purpose ?? t.contactName}</dt>
            <dd>{[c.name, c.phone, c.email].filter(Boolean).join(" · ")}</dd>
          </div>
        ))}
        {p.affiliation?.contact && (
          <>
            <dt>{t.partnershipContact}</dt>
            <dd>{p.affiliation.contact}</dd>
          </>
        )}
      </dl>
    </article>
  );
}

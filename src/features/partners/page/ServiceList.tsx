import { codeDisplay } from "../../../fhir/codeDisplays";
import { isOpenAt, type Partner, type PartnerService } from "../../../domain/partner";
import { LANGUAGE_NAMES, type PartnerStrings, PARTNER_TEXT } from "../strings";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

export function formatServiceHours(service: PartnerService, t: PartnerStrings): string {
  if (service.open24x7) return t.open247Badge;
  return service.hours
    .map(
      (h) =>
        `${h.days.map((d) => t.days[d] ?? d).join(", ")} ${h.start && h.end ? `${h.start}–${h.end}` : t.allDay}`,
    )
    .join("; ");
}

/** The partner's active services: what each offers, when, in which languages, for whom. */
export function ServiceList({ partner: p }: { partner: Partner }) {
  const t = useText(PARTNER_TEXT);
  const lang = useStaffLanguage();
  const now = new Date();
  return (
    <>
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
              <dd>{s.services.map((c) => codeDisplay("wr-dsv-services", c, lang)).join(", ")}</dd>
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
    </>
  );
}

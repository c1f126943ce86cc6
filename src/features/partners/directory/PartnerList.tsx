import { codeDisplay } from "../../../fhir/codeDisplays";
import { isPartnerOpenAt, type Partner } from "../../../domain/partner";
import { mouStatus } from "../mou";
import { PARTNER_TEXT } from "../strings";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";

/** The partners a filter shows, each with its tier, level, MOU and opening badges. */
export function PartnerList({
  shown,
  now,
  onOpen,
}: {
  shown: Partner[];
  now: Date;
  onOpen: (id: string) => void;
}) {
  const t = useText(PARTNER_TEXT);
  const lang = useStaffLanguage();
  return (
    <>
      {shown.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="partner-list" data-testid="partner-list">
          {shown.map((p) => {
            const mou = mouStatus(p.affiliation, now);
            const open24 = p.services.some((s) => s.active !== false && s.open24x7);
            return (
              <li key={p.id} data-partner-id={p.id}>
                <button type="button" className="link" onClick={() => onOpen(p.id)}>
                  {p.name}
                </button>
                <span className="badges">
                  {!p.active && <span className="badge badge-off">{t.inactive}</span>}
                  {p.affiliation && (
                    <span className="badge">{t.tierLabel(p.affiliation.tier)}</span>
                  )}
                  {p.affiliation && (
                    <span className="badge">
                      {t.collaborationLabel(p.affiliation.collaboration)}
                    </span>
                  )}
                  <span className={`badge mou-${mou.status}`}>{t.mouStatus[mou.status]}</span>
                  {open24 ? (
                    <span className="badge">{t.open247Badge}</span>
                  ) : isPartnerOpenAt(p, now) ? (
                    <span className="badge">{t.openNowBadge}</span>
                  ) : null}
                </span>
                <span className="partner-services">
                  {[...new Set(p.services.flatMap((s) => s.services))]
                    .map((c) => codeDisplay("wr-dsv-services", c, lang))
                    .join(" · ")}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

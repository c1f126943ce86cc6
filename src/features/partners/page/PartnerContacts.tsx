import type { Partner } from "../../../domain/partner";
import { PARTNER_TEXT } from "../strings";
import { useText } from "../../../ui/staffLanguage";

/** The partner's phone, email, website, address, named contacts and partnership line. */
export function PartnerContacts({ partner: p }: { partner: Partner }) {
  const t = useText(PARTNER_TEXT);
  return (
    <>
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
    </>
  );
}

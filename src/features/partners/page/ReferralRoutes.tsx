import type { Partner } from "../../../domain/partner";
import { PARTNER_TEXT } from "../strings";
import { formatServiceHours } from "./ServiceList";
import { useText } from "../../../ui/staffLanguage";

/** How to refer to this partner: warm lines, onsite hours, chat, the electronic endpoint. */
export function ReferralRoutes({ partner: p }: { partner: Partner }) {
  const t = useText(PARTNER_TEXT);
  const walkInHours = p.services
    .filter((s) => s.walkIn && s.active !== false)
    .map((s) => `${s.name}: ${formatServiceHours(s, t)}`);
  return (
    <>
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
    </>
  );
}

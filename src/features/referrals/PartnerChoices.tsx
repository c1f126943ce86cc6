import { STAFF_TEXT } from "../../content/packs/index";
import type { SupportSummary } from "../../domain/journey";
import type { MatchResult, PartnerMatch } from "../../domain/partnerMatch";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { Name, PhoneText } from "../../ui/Bidi";
import { choosePartner, NO_PARTNER, partnerPhone, type ReferralDraft } from "./draft";

// The matched partners to choose from (or none), and those the clinic may only give out.

export function PartnerChoices({
  match,
  draft,
  update,
  support,
}: {
  match: MatchResult;
  draft: ReferralDraft;
  update: (fn: (d: ReferralDraft) => ReferralDraft) => void;
  support: SupportSummary;
}) {
  const t = useText(STAFF_TEXT);
  return (
    <>
      <fieldset>
        <legend>{t.partnersHeading}</legend>
        {match.referable.length === 0 && <p>{t.noPartners}</p>}
        <div className="choices partners">
          {match.referable.map((m) => (
            <label key={m.partner.id} className="partner-option">
              <input
                type="radio"
                name="partner"
                checked={draft.partnerId === m.partner.id}
                onChange={() => update((d) => choosePartner(d, m.partner.id))}
              />
              <PartnerSummary m={m} language={support.language} />
            </label>
          ))}
          <label className="partner-option">
            <input
              type="radio"
              name="partner"
              checked={draft.partnerId === NO_PARTNER}
              onChange={() => update((d) => choosePartner(d, NO_PARTNER))}
            />
            <span className="partner-summary">
              <strong>{t.withoutPartner}</strong>
              <span className="hint">{t.withoutPartnerHint}</span>
            </span>
          </label>
        </div>
      </fieldset>
      {match.contactsOnly.length > 0 && (
        <section aria-labelledby="contacts-heading" className="contacts-only">
          <h3 id="contacts-heading">{t.contactsOnlyHeading}</h3>
          <p className="hint">{t.contactsOnlyHint}</p>
          <ul>
            {match.contactsOnly.map((m) => (
              <li key={m.partner.id}>
                <Name>{m.partner.name}</Name>
                {partnerPhone(m) && (
                  <>
                    {" "}
                    · <PhoneText number={partnerPhone(m) ?? ""} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function PartnerSummary({ m, language }: { m: PartnerMatch; language: string }) {
  const t = useText(STAFF_TEXT);
  const staffLang = useStaffLanguage();
  const lang = new Intl.DisplayNames([staffLang], { type: "language" }).of(language) ?? language;
  const phone = partnerPhone(m);
  return (
    <span className="partner-summary">
      <strong>
        <Name>{m.partner.name}</Name>
      </strong>
      {phone && (
        <span>
          {" · "}
          <span className="phone" dir="ltr">
            {phone}
          </span>
        </span>
      )}
      <span className="badges">
        <span className={`badge ${m.openNow ? "badge-ok" : "badge-muted"}`}>
          {m.open24x7 ? t.open247 : m.openNow ? t.openNow : t.closedNow}
        </span>
        <span className={`badge ${m.languageMatch ? "badge-ok" : "badge-warn"}`}>
          {m.languageMatch ? t.languageMatch(lang) : t.noLanguageMatch(lang)}
        </span>
      </span>
      <span className="hint">
        {t.covers}:{" "}
        {m.covered.map((c) => t.services[c] ?? c).join(", ") ||
          m.services.map((s) => s.name).join(", ")}
        {m.missing.length > 0 && (
          <>
            {" "}
            · {t.notCovered}: {m.missing.map((c) => t.services[c] ?? c).join(", ")}
          </>
        )}
      </span>
    </span>
  );
}

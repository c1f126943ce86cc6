import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import type { ClinicConfig } from "../config/clinicConfig";
import type { Partner } from "../domain/partner";
import { Name, Phone } from "./Bidi";

export { Phone } from "./Bidi";

// The discreet, wallet-size local resource card: the clinic's partners' hotline numbers and the
// National Domestic Violence Hotline, in one language. It never names the patient: it takes no
// patient data at all. Shared (src/ui) so the partner directory and the referral confirmation
// can both offer it; `PrintableResourceCard` also renders the print-only sheet.

export const NATIONAL_DV_HOTLINE = "1-800-799-7233";

export interface CardWording {
  title: string;
  intro: string;
  nationalHotline: string;
  footer?: string;
}

export interface CardHotline {
  /** A discreet label (resourceCard.partnerLabels, else a neutral "Support line N"). */
  name: string;
  phone: string;
}

/** The neutral label of a partner line without a configured one (numbered when several). */
const NEUTRAL_LINE: Record<"en" | "es", string> = { en: "Support line", es: "Línea de apoyo" };

/** The card's language: the patient's when the card is offered in it, else the first one. */
export function defaultCardLanguage(languages: readonly string[], patientLanguage?: string) {
  const base = patientLanguage?.toLowerCase().split("-")[0];
  return base && languages.includes(base) ? base : (languages[0] ?? "en");
}

const DEFAULT_WORDING: Record<"en" | "es", CardWording> = {
  en: {
    title: "Support, any time",
    intro: "Free and confidential. Call for yourself or for someone you care about.",
    nationalHotline: "National hotline: 24/7, 170+ languages",
    footer: "Keep this card somewhere safe.",
  },
  es: {
    title: "Apoyo, a cualquier hora",
    intro: "Gratis y confidencial. Llame por usted o por alguien que le importa.",
    nationalHotline: "Línea nacional: 24/7, más de 170 idiomas",
    footer: "Guarde esta tarjeta en un lugar seguro.",
  },
};

/** Languages the card can be printed in: English, Spanish and any the clinic gave wording for. */
export function cardLanguages(config: ClinicConfig): string[] {
  const configured = config.resourceCard
    ? Object.keys(config.resourceCard.title).filter(
        (l) =>
          config.resourceCard?.intro[l] !== undefined &&
          config.resourceCard.nationalHotline[l] !== undefined,
      )
    : [];
  return [...new Set(["en", "es", ...configured])];
}

export function cardWording(config: ClinicConfig, lang: string): CardWording {
  const fallback = DEFAULT_WORDING[lang === "es" ? "es" : "en"];
  const c = config.resourceCard;
  if (!c) return fallback;
  const footer = c.footer?.[lang];
  return {
    title: c.title[lang] ?? fallback.title,
    intro: c.intro[lang] ?? fallback.intro,
    nationalHotline: c.nationalHotline[lang] ?? fallback.nationalHotline,
    ...(footer ? { footer } : c.footer ? {} : fallback.footer ? { footer: fallback.footer } : {}),
  };
}

/**
 * Hotline numbers for a card in `lang`: active partners' active hotline services that serve the
 * language, one line per number. Each is shown under the clinic's discreet label for the partner
 * (`resourceCard.partnerLabels`), never the program's name — a card that says "… Sexual Assault
 * Resource Center" can endanger the person carrying it; without a label, a neutral
 * "Support line" (numbered when there are several).
 */
export function cardHotlines(
  partners: readonly Partner[],
  lang: string,
  labels?: Record<string, Record<string, string>>,
): CardHotline[] {
  const seen = new Set<string>();
  const out: { partnerId: string; phone: string }[] = [];
  for (const partner of partners) {
    if (!partner.active) continue;
    for (const service of partner.services) {
      if (service.active === false || !service.services.includes("hotline-24h")) continue;
      if (!service.languages.includes(lang)) continue;
      const phone = service.phone ?? partner.phone;
      if (!phone || seen.has(phone)) continue;
      seen.add(phone);
      out.push({ partnerId: partner.id, phone });
    }
  }
  const neutral = NEUTRAL_LINE[lang === "es" ? "es" : "en"];
  const unlabelled = out.filter((l) => !labels?.[l.partnerId]).length;
  let n = 0;
  return out.map((l) => {
    const label = labels?.[l.partnerId];
    const configured = label?.[lang] ?? label?.en;
    if (configured) return { name: configured, phone: l.phone };
    n += 1;
    return { name: unlabelled > 1 ? `${neutral} ${n}` : neutral, phone: l.phone };
  });
}

export function ResourceCard({
  lang,
  wording,
  hotlines,
}: {
  lang: string;
  wording: CardWording;
  hotlines: readonly CardHotline[];
}) {
  return (
    <article className="resource-card" lang={lang} aria-label={wording.title}>
      <p className="resource-card-title">{wording.title}</p>
      <p className="resource-card-intro">{wording.intro}</p>
      <ul className="resource-card-lines">
        {hotlines.map((h) => (
          <li key={h.phone}>
            <Name>{h.name}</Name> <Phone number={h.phone} />
          </li>
        ))}
        <li>
          <span>{wording.nationalHotline}</span> <Phone number={NATIONAL_DV_HOTLINE} />
        </li>
      </ul>
      {wording.footer && <p className="resource-card-footer">{wording.footer}</p>}
    </article>
  );
}

/**
 * The card on screen plus a print-only sheet (a portal outside the app, so the printout holds
 * the card and nothing else), with a print button.
 */
export function PrintableResourceCard({
  config,
  partners,
  lang,
  printLabel,
}: {
  config: ClinicConfig;
  partners: readonly Partner[];
  lang: string;
  printLabel: string;
}) {
  const wording = cardWording(config, lang);
  const hotlines = cardHotlines(partners, lang, config.resourceCard?.partnerLabels);
  const [sheet] = useState(() => {
    const el = document.createElement("div");
    el.className = "print-sheet";
    el.setAttribute("aria-hidden", "true");
    return el;
  });
  useEffect(() => {
    document.body.append(sheet);
    return () => sheet.remove();
  }, [sheet]);
  return (
    <div className="resource-card-preview">
      <ResourceCard lang={lang} wording={wording} hotlines={hotlines} />
      <p>
        <button type="button" onClick={() => window.print()}>
          {printLabel}
        </button>
      </p>
      {createPortal(<ResourceCard lang={lang} wording={wording} hotlines={hotlines} />, sheet)}
    </div>
  );
}

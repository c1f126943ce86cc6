import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import type { ClinicConfig } from "../config/clinicConfig";
import type { Partner } from "../domain/partner";

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
  name: string;
  phone: string;
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
 * language (short name — the alias — where there is one), one line per number.
 */
export function cardHotlines(partners: readonly Partner[], lang: string): CardHotline[] {
  const seen = new Set<string>();
  const out: CardHotline[] = [];
  for (const partner of partners) {
    if (!partner.active) continue;
    for (const service of partner.services) {
      if (service.active === false || !service.services.includes("hotline-24h")) continue;
      if (!service.languages.includes(lang)) continue;
      const phone = service.phone ?? partner.phone;
      if (!phone || seen.has(phone)) continue;
      seen.add(phone);
      out.push({ name: partner.aliases?.[0] ?? partner.name, phone });
    }
  }
  return out;
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
            <span>{h.name}</span> <strong>{h.phone}</strong>
          </li>
        ))}
        <li>
          <span>{wording.nationalHotline}</span> <strong>{NATIONAL_DV_HOTLINE}</strong>
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
  const hotlines = cardHotlines(partners, lang);
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

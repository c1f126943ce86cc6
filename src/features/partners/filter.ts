import { isOpenAt, type Partner } from "../../domain/partner";

// The directory's in-browser filter. Pure and fast: every partner gets a pre-computed search
// text once (indexPartners), so a keystroke over 1,000 partners is a few string scans.

export interface PartnerFilter {
  /** Free text: name, alias, service names, eligibility, types, phone. */
  text: string;
  /** A CODES.dsvServices code, or "" for any. */
  service: string;
  /** A BCP 47 base code, or "" for any. */
  language: string;
  /** "" any · "now" open now · "24x7" open around the clock. */
  open: "" | "now" | "24x7";
  /** "" or "1".."4". */
  tier: string;
  /** "" or informed · collaborative · integrated. */
  collaboration: string;
  /** Also show deactivated partners. */
  includeInactive: boolean;
}

export const EMPTY_FILTER: PartnerFilter = {
  text: "",
  service: "",
  language: "",
  open: "",
  tier: "",
  collaboration: "",
  includeInactive: false,
};

export interface IndexedPartner {
  partner: Partner;
  /** Lower-cased, accent-free text searched by the free-text filter. */
  haystack: string;
  serviceCodes: Set<string>;
  languages: Set<string>;
  open24x7: boolean;
}

/** Lower case, accents removed: "Información" matches "informacion". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function indexPartners(partners: readonly Partner[]): IndexedPartner[] {
  return partners.map((partner) => {
    const active = partner.services.filter((s) => s.active !== false);
    return {
      partner,
      haystack: fold(
        [
          partner.name,
          ...(partner.aliases ?? []),
          ...partner.types,
          partner.phone ?? "",
          ...active.flatMap((s) => [s.name, s.eligibility ?? "", ...s.services, s.phone ?? ""]),
        ].join("\n"),
      ),
      serviceCodes: new Set(active.flatMap((s) => s.services)),
      languages: new Set(active.flatMap((s) => s.languages)),
      open24x7: active.some((s) => s.open24x7),
    };
  });
}

/** The partners matching every given criterion (AND), in index order. */
export function filterPartners(
  index: readonly IndexedPartner[],
  filter: PartnerFilter,
  now: Date,
): Partner[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  const tier = filter.tier ? Number(filter.tier) : undefined;
  const out: Partner[] = [];
  for (const entry of index) {
    const p = entry.partner;
    if (!filter.includeInactive && !p.active) continue;
    if (filter.service && !entry.serviceCodes.has(filter.service)) continue;
    if (filter.language && !entry.languages.has(filter.language)) continue;
    if (tier !== undefined && p.affiliation?.tier !== tier) continue;
    if (filter.collaboration && p.affiliation?.collaboration !== filter.collaboration) continue;
    if (filter.open === "24x7" && !entry.open24x7) continue;
    if (
      filter.open === "now" &&
      !entry.open24x7 &&
      !p.services.some((s) => s.active !== false && isOpenAt(s, now))
    )
      continue;
    if (words.length && !words.every((w) => entry.haystack.includes(w))) continue;
    out.push(p);
  }
  return out;
}

/** Languages offered by any partner, for the language filter. */
export function languagesOf(partners: readonly Partner[]): string[] {
  return [...new Set(partners.flatMap((p) => p.services.flatMap((s) => s.languages)))].sort();
}

import type { Partner, PartnerService } from "./partner";

// Partner match: which of the clinic's partners fit what the patient wants today. Pure; the
// clock and the opening-hours rule are passed in, so tests are deterministic.

export interface MatchCriteria {
  /** DSV service codes the patient wants (empty: any service). */
  needs: string[];
  /** BCP 47 base code of the patient's language. */
  language: string;
  at: Date;
}

export interface PartnerMatch {
  partner: Partner;
  /** The partner's active services that cover at least one need (all when no needs). */
  services: PartnerService[];
  /** Needs this partner covers, and the ones it does not. */
  covered: string[];
  missing: string[];
  /** A matching service is offered in the patient's language. */
  languageMatch: boolean;
  /** A matching service is open at `at` (24/7 included). */
  openNow: boolean;
  open24x7: boolean;
  /** Tier 2 or more: referrals can be sent; tier 1 (or no affiliation): contact only. */
  referable: boolean;
}

export interface MatchResult {
  /** Tier ≥ 2 partners, best first. */
  referable: PartnerMatch[];
  /** Tier 1 partners: shown as contacts, never referred to. */
  contactsOnly: PartnerMatch[];
}

export function matchPartners(
  partners: readonly Partner[],
  criteria: MatchCriteria,
  isOpenAt: (service: PartnerService, at: Date) => boolean,
): MatchResult {
  const lang = criteria.language.toLowerCase().split("-")[0] ?? "";
  const matches: PartnerMatch[] = [];
  for (const partner of partners) {
    // Inactive partners, or partnerships no longer in force, are never offered.
    if (!partner.active || partner.affiliation?.active === false) continue;
    const active = partner.services.filter((s) => s.active !== false);
    const services =
      criteria.needs.length === 0
        ? active
        : active.filter((s) => s.services.some((code) => criteria.needs.includes(code)));
    if (services.length === 0) continue;
    const offered = new Set(services.flatMap((s) => s.services));
    const covered = criteria.needs.filter((n) => offered.has(n));
    matches.push({
      partner,
      services,
      covered,
      missing: criteria.needs.filter((n) => !offered.has(n)),
      languageMatch: services.some((s) => s.languages.some((l) => l.toLowerCase() === lang)),
      openNow: services.some((s) => isOpenAt(s, criteria.at)),
      open24x7: services.some((s) => s.open24x7),
      referable: (partner.affiliation?.tier ?? 1) >= 2,
    });
  }
  const score = (m: PartnerMatch) =>
    m.covered.length * 100 +
    (m.languageMatch ? 40 : 0) +
    (m.openNow ? 20 : 0) +
    (m.open24x7 ? 5 : 0);
  const sorted = matches.sort(
    (a, b) => score(b) - score(a) || a.partner.name.localeCompare(b.partner.name),
  );
  return {
    referable: sorted.filter((m) => m.referable),
    contactsOnly: sorted.filter((m) => !m.referable),
  };
}

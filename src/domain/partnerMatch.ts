import type { Partner, PartnerService } from "./partner";
import type { Urgency } from "./journey";

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
  /**
   * A phone line of this partner that answers at `at`: a matching service's, else the
   * partner's 24/7 line. A three-way call ("call the partner together now") is offered only
   * with such a line — never for a line that is closed.
   */
  openLine?: string;
  /** Participation tier (1 when there is no affiliation). */
  tier: 1 | 2 | 3 | 4;
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
    const openMatched = services.filter((s) => isOpenAt(s, criteria.at));
    const openLine =
      openMatched.find((s) => s.phone)?.phone ??
      (openMatched.length > 0 ? partner.phone : undefined) ??
      active.find((s) => s.open24x7 && s.phone)?.phone;
    const tier = partner.affiliation?.tier ?? 1;
    matches.push({
      partner,
      services,
      covered,
      missing: criteria.needs.filter((n) => !offered.has(n)),
      languageMatch: services.some((s) => s.languages.some((l) => l.toLowerCase() === lang)),
      openNow: openMatched.length > 0,
      open24x7: services.some((s) => s.open24x7),
      ...(openLine ? { openLine } : {}),
      tier,
      referable: tier >= 2,
    });
  }
  const sorted = matches.sort(compareMatches);
  return {
    referable: sorted.filter((m) => m.referable),
    contactsOnly: sorted.filter((m) => !m.referable),
  };
}

/**
 * Best first: the partner that meets more of the needs asked for; then one that serves in the
 * patient's language; then one open now (24/7 included); then the higher participation tier
 * (a deeper partnership: shared indicators, data integration). The name only breaks full ties,
 * so the order is stable — it never decides on its own.
 */
export function compareMatches(a: PartnerMatch, b: PartnerMatch): number {
  return (
    b.covered.length - a.covered.length ||
    Number(b.languageMatch) - Number(a.languageMatch) ||
    Number(b.openNow) - Number(a.openNow) ||
    b.tier - a.tier ||
    a.partner.name.localeCompare(b.partner.name)
  );
}

export interface Line247 {
  partnerId: string;
  /** The partner's name (staff see it; printed material uses discreet labels). */
  partner: string;
  phone: string;
  /** The line serves in the patient's language. */
  languageMatch: boolean;
}

/**
 * Lines that answer at any hour: the active partners' 24/7 services with a phone (a partner's
 * hotline), those in the patient's language first. The National DV Hotline is always added by
 * the screen (journey.NATIONAL_DV_HOTLINE).
 */
export function lines247(partners: readonly Partner[], language: string): Line247[] {
  const lang = language.toLowerCase().split("-")[0] ?? "";
  const out: Line247[] = [];
  for (const partner of partners) {
    if (!partner.active || partner.affiliation?.active === false) continue;
    for (const s of partner.services) {
      if (s.active === false || !s.open24x7 || !s.phone) continue;
      if (out.some((l) => l.phone === s.phone)) continue;
      out.push({
        partnerId: partner.id,
        partner: partner.name,
        phone: s.phone,
        languageMatch: s.languages.some((l) => l.toLowerCase() === lang),
      });
    }
  }
  return out.sort((a, b) => Number(b.languageMatch) - Number(a.languageMatch));
}

/**
 * After hours: the patient must be connected now and no matched referral partner is open now.
 * The screen then leads with the 24/7 lines (partners' and the National DV Hotline).
 */
export function isAfterHours(urgency: Urgency, match: MatchResult): boolean {
  return urgency === "now" && !match.referable.some((m) => m.openNow);
}

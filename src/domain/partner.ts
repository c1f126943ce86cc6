// The partner directory's read model, shared by the directory and the referral flow, and the
// pure rules about it (opening hours, whether a partner is offered). Built from FHIR
// Organization + HealthcareService + OrganizationAffiliation + Endpoint in src/fhir/partners.ts.

import type { Partnership } from "./partnership";

export interface Partner {
  id: string;
  name: string;
  active: boolean;
  /** wr-partner-type codes (CODES.partnerType). */
  types: string[];
  phone?: string;
  services: PartnerService[];
  affiliation?: {
    id: string;
    tier: 1 | 2 | 3 | 4;
    collaboration: "informed" | "collaborative" | "integrated";
    mouStart?: string;
    mouEnd?: string;
    mouReview?: string;
    /** The partnership is in force (OrganizationAffiliation.active). */
    active?: boolean;
    /** Partnership point of contact (OrganizationAffiliation.telecom), e.g. a phone or email. */
    contact?: string;
    /** The partnership record kept on the partner's page (src/domain/partnership.ts). */
    partnership?: Partnership;
  };
  endpoint?: { id: string; address: string; name?: string; status?: string };
  // ---- optional extras for the directory's partner page
  aliases?: string[];
  email?: string;
  website?: string;
  /** Named contacts (Organization.contact). */
  contacts?: PartnerContact[];
  /** Public / mailing address, one line. Never a shelter location. */
  address?: string;
}

export interface PartnerContact {
  name?: string;
  purpose?: string;
  phone?: string;
  email?: string;
}

export interface PartnerService {
  id: string;
  name: string;
  /** CODES.dsvServices codes. */
  services: string[];
  /** BCP 47 base codes, e.g. "es". */
  languages: string[];
  open24x7: boolean;
  hours: { days: string[]; start?: string; end?: string }[];
  phone?: string;
  chat?: string;
  walkIn: boolean;
  eligibility?: string;
  // ---- optional extras
  active?: boolean;
  /** HealthcareService.referralMethod codes: phone, elec, fax, mail, semail. */
  referralMethods?: string[];
  comment?: string;
  availabilityExceptions?: string;
}

export const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

function minutes(time: string): number {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/**
 * Is the service open at `at` (in the browser's time zone, which is the clinic's)? 24/7 is
 * always open; an entry without times is all day; an entry whose end is before its start runs
 * past midnight into the next day.
 */
export function isOpenAt(service: PartnerService, at: Date): boolean {
  if (service.open24x7) return true;
  const day = DAYS[at.getDay()] as string;
  const yesterday = DAYS[(at.getDay() + 6) % 7] as string;
  const now = at.getHours() * 60 + at.getMinutes();
  return service.hours.some((h) => {
    if (!h.start && !h.end) return h.days.includes(day);
    const start = minutes(h.start ?? "00:00");
    const end = h.end ? minutes(h.end) : 24 * 60;
    if (end > start) return h.days.includes(day) && now >= start && now < end;
    // Overnight, e.g. 18:00–02:00.
    return (h.days.includes(day) && now >= start) || (h.days.includes(yesterday) && now < end);
  });
}

/** Is any of the partner's active services open at `at`? */
export function isPartnerOpenAt(partner: Partner, at: Date): boolean {
  return partner.services.some((s) => s.active !== false && isOpenAt(s, at));
}

/** Deactivated partners stay in the directory and in old referrals, but are not offered for new ones. */
export function isOfferedForReferral(partner: Partner): boolean {
  return partner.active;
}

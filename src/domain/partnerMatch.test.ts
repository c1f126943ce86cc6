import { describe, expect, it } from "vitest";
import type { Partner, PartnerService } from "./partner";
import { matchPartners } from "./partnerMatch";

function service(id: string, services: string[], extra: Partial<PartnerService> = {}) {
  return {
    id,
    name: id,
    services,
    languages: ["en"],
    open24x7: false,
    hours: [],
    walkIn: false,
    ...extra,
  } satisfies PartnerService;
}

function partner(
  id: string,
  tier: 1 | 2 | 3 | 4,
  services: PartnerService[],
  extra: Partial<Partner> = {},
): Partner {
  return {
    id,
    name: id,
    active: true,
    types: ["dv-program"],
    services,
    affiliation: { id: `aff-${id}`, tier, collaboration: "collaborative" },
    ...extra,
  };
}

const open = new Set(["open-svc"]);
const isOpen = (s: PartnerService) => s.open24x7 || open.has(s.id);
const at = new Date("2026-11-22T10:00:00Z");

describe("matchPartners", () => {
  const partners = [
    partner("alpha", 2, [service("alpha-legal", ["legal-advocacy"])]),
    partner("bravo", 4, [
      service("bravo-hotline", ["hotline-24h"], { open24x7: true, languages: ["en", "es"] }),
      service("open-svc", ["legal-advocacy", "housing-advocacy"], { languages: ["es"] }),
    ]),
    partner("charlie", 1, [service("charlie-mh", ["mental-health", "legal-advocacy"])]),
    partner("delta", 3, [service("delta-legal", ["legal-advocacy"])], { active: false }),
    partner("echo", 2, [service("echo-legal", ["legal-advocacy"], { active: false })]),
    partner("foxtrot", 2, [service("fox-legal", ["legal-advocacy"])], {
      affiliation: { id: "a", tier: 3, collaboration: "informed", active: false },
    }),
    partner("golf", 2, [service("golf-shelter", ["emergency-shelter"])]),
  ];

  it("offers tier ≥ 2 partners for referral, tier 1 as contacts only, never inactive ones", () => {
    const result = matchPartners(
      partners,
      { needs: ["legal-advocacy"], language: "es", at },
      isOpen,
    );
    expect(result.referable.map((m) => m.partner.id)).toEqual(["bravo", "alpha"]);
    expect(result.contactsOnly.map((m) => m.partner.id)).toEqual(["charlie"]);
  });

  it("ranks by needs covered, then language, then open now", () => {
    const result = matchPartners(
      partners,
      { needs: ["legal-advocacy", "housing-advocacy"], language: "en", at },
      isOpen,
    );
    const [first, second] = result.referable;
    expect(first?.partner.id).toBe("bravo");
    expect(first?.covered).toEqual(["legal-advocacy", "housing-advocacy"]);
    expect(first?.languageMatch).toBe(false);
    expect(first?.openNow).toBe(true);
    expect(second?.partner.id).toBe("alpha");
    expect(second?.missing).toEqual(["housing-advocacy"]);
    expect(second?.languageMatch).toBe(true);
    expect(second?.openNow).toBe(false);
  });

  it("a 24/7 service counts as open now", () => {
    const result = matchPartners(
      partners,
      { needs: ["hotline-24h"], language: "es-MX", at },
      () => false,
    );
    expect(result.referable[0]).toMatchObject({ open24x7: true, languageMatch: true });
  });

  it("without needs, every active partner with an active service is listed", () => {
    const result = matchPartners(partners, { needs: [], language: "en", at }, isOpen);
    expect(result.referable.map((m) => m.partner.id).sort()).toEqual(["alpha", "bravo", "golf"]);
    expect(result.contactsOnly.map((m) => m.partner.id)).toEqual(["charlie"]);
  });

  it("a partner without an affiliation is a contact only", () => {
    const result = matchPartners(
      [partner("hotel", 2, [service("h", ["legal-advocacy"])], { affiliation: undefined })],
      { needs: ["legal-advocacy"], language: "en", at },
      isOpen,
    );
    expect(result.referable).toEqual([]);
    expect(result.contactsOnly).toHaveLength(1);
  });
});

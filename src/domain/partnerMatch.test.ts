import { describe, expect, it } from "vitest";
import type { Partner, PartnerService } from "./partner";
import { isAfterHours, lines247, matchPartners } from "./partnerMatch";

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

  it("never alphabetical: the partner meeting the needs is first, whatever its name", () => {
    const list = [
      partner("aardvark", 4, [service("a1", ["legal-advocacy"], { languages: ["en"] })]),
      partner("zulu", 2, [
        service("z1", ["legal-advocacy", "housing-advocacy"], { languages: ["es"] }),
      ]),
    ];
    const result = matchPartners(
      list,
      { needs: ["legal-advocacy", "housing-advocacy"], language: "es", at },
      isOpen,
    );
    expect(result.referable.map((m) => m.partner.id)).toEqual(["zulu", "aardvark"]);
  });

  it("ties on needs: language, then open now, then tier, then (only then) the name", () => {
    const legal = (id: string, extra: Partial<PartnerService> = {}) =>
      service(id, ["legal-advocacy"], extra);
    const rank = (list: Partner[], language = "en") =>
      matchPartners(list, { needs: ["legal-advocacy"], language, at }, isOpen).referable.map(
        (m) => m.partner.id,
      );
    // Language beats open now and tier.
    expect(
      rank(
        [
          partner("a-open-t4", 4, [legal("open-svc")]),
          partner("z-spanish", 2, [legal("z", { languages: ["es"] })]),
        ],
        "es",
      ),
    ).toEqual(["z-spanish", "a-open-t4"]);
    // Open now beats tier.
    expect(
      rank([
        partner("a-closed-t4", 4, [legal("closed")]),
        partner("z-open-t2", 2, [legal("open-svc")]),
      ]),
    ).toEqual(["z-open-t2", "a-closed-t4"]);
    // Tier beats the name.
    expect(
      rank([
        partner("a-t2", 2, [legal("x")]),
        partner("m-t3", 3, [legal("y")]),
        partner("z-t4", 4, [legal("w")]),
      ]),
    ).toEqual(["z-t4", "m-t3", "a-t2"]);
    // Full tie: by name.
    expect(rank([partner("b", 2, [legal("x")]), partner("a", 2, [legal("y")])])).toEqual([
      "a",
      "b",
    ]);
  });

  it("openLine: an open matched line, else the partner's 24/7 line, never a closed one", () => {
    const list = [
      partner("p1", 2, [
        service("open-svc", ["legal-advocacy"], { phone: "503-555-0101" }),
        service("p1-24", ["hotline-24h"], { open24x7: true, phone: "503-555-0102" }),
      ]),
      partner("p2", 2, [
        service("p2-day", ["legal-advocacy"], { phone: "503-555-0103" }),
        service("p2-24", ["hotline-24h"], { open24x7: true, phone: "503-555-0104" }),
      ]),
      partner("p3", 2, [service("p3-day", ["legal-advocacy"], { phone: "503-555-0105" })]),
    ];
    const result = matchPartners(list, { needs: ["legal-advocacy"], language: "en", at }, isOpen);
    const byId = Object.fromEntries(result.referable.map((m) => [m.partner.id, m]));
    expect(byId.p1?.openLine).toBe("503-555-0101");
    expect(byId.p2?.openNow).toBe(false);
    expect(byId.p2?.openLine).toBe("503-555-0104");
    expect(byId.p3?.openLine).toBeUndefined();
  });
});

describe("after hours", () => {
  const list = [
    partner("day", 2, [service("day-legal", ["legal-advocacy"], { phone: "503-555-0111" })]),
    partner("nightline", 3, [
      service("nl-24", ["hotline-24h"], {
        open24x7: true,
        phone: "503-555-0112",
        languages: ["en", "es"],
      }),
      service("nl-day", ["legal-advocacy"], { phone: "503-555-0113" }),
    ]),
    partner("english-24", 2, [
      service("e-24", ["hotline-24h"], { open24x7: true, phone: "503-555-0114" }),
    ]),
    partner(
      "gone",
      2,
      [service("g-24", ["hotline-24h"], { open24x7: true, phone: "503-555-0115" })],
      {
        active: false,
      },
    ),
  ];
  const closed = () => false;
  const legal = matchPartners(list, { needs: ["legal-advocacy"], language: "es", at }, closed);

  it("connect now with no matched partner open → after hours; otherwise not", () => {
    expect(isAfterHours("now", legal)).toBe(true);
    expect(isAfterHours("soon", legal)).toBe(false);
    expect(isAfterHours("routine", legal)).toBe(false);
    const open = matchPartners(list, { needs: ["legal-advocacy"], language: "es", at }, () => true);
    expect(isAfterHours("now", open)).toBe(false);
    expect(isAfterHours("now", { referable: [], contactsOnly: [] })).toBe(true);
  });

  it("lines247: active partners' 24/7 lines, the patient's language first", () => {
    expect(lines247(list, "es").map((l) => [l.partnerId, l.phone, l.languageMatch])).toEqual([
      ["nightline", "503-555-0112", true],
      ["english-24", "503-555-0114", false],
    ]);
  });
});

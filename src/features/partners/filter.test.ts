import type { Partner, PartnerService } from "../../domain/partner";
import { EMPTY_FILTER, filterPartners, fold, indexPartners, languagesOf } from "./filter";

const service = (s: Partial<PartnerService>): PartnerService => ({
  id: "s",
  name: "Service",
  services: [],
  languages: ["en"],
  open24x7: false,
  hours: [],
  walkIn: false,
  ...s,
});

const partners: Partner[] = [
  {
    id: "a",
    name: "Safe Harbor Family Violence Program",
    aliases: ["Safe Harbor"],
    active: true,
    types: ["dv-program"],
    services: [
      service({
        name: "Hotline",
        services: ["hotline-24h"],
        languages: ["en", "es"],
        open24x7: true,
      }),
    ],
    affiliation: { id: "aa", tier: 4, collaboration: "integrated" },
  },
  {
    id: "b",
    name: "Eastside Legal Advocacy Project",
    active: true,
    types: ["legal-services"],
    services: [
      service({
        name: "Protective orders",
        services: ["legal-advocacy"],
        languages: ["en", "vi"],
        hours: [{ days: ["mon"], start: "09:00", end: "17:00" }],
        eligibility: "Survivors in the county; información en español",
      }),
    ],
    affiliation: { id: "ab", tier: 2, collaboration: "collaborative" },
  },
  {
    id: "c",
    name: "Clearwater Counseling (closed)",
    active: false,
    types: ["health-center"],
    services: [service({ services: ["mental-health"] })],
  },
];
const index = indexPartners(partners);
const monday10 = new Date(2026, 10, 23, 10, 0);
const sunday10 = new Date(2026, 10, 22, 10, 0);
const names = (f: Partial<typeof EMPTY_FILTER>, at = monday10) =>
  filterPartners(index, { ...EMPTY_FILTER, ...f }, at).map((p) => p.id);

describe("directory filters", () => {
  it("hides deactivated partners unless asked", () => {
    expect(names({})).toEqual(["a", "b"]);
    expect(names({ includeInactive: true })).toEqual(["a", "b", "c"]);
  });
  it("by service, language, tier and collaboration level", () => {
    expect(names({ service: "legal-advocacy" })).toEqual(["b"]);
    expect(names({ language: "es" })).toEqual(["a"]);
    expect(names({ language: "vi" })).toEqual(["b"]);
    expect(names({ tier: "4" })).toEqual(["a"]);
    expect(names({ collaboration: "collaborative" })).toEqual(["b"]);
    expect(names({ tier: "4", collaboration: "collaborative" })).toEqual([]);
  });
  it("open now and 24/7", () => {
    expect(names({ open: "now" }, monday10)).toEqual(["a", "b"]);
    expect(names({ open: "now" }, sunday10)).toEqual(["a"]);
    expect(names({ open: "24x7" })).toEqual(["a"]);
  });
  it("free text: every word, any order, case and accents ignored, aliases and eligibility", () => {
    expect(names({ text: "harbor safe" })).toEqual(["a"]);
    expect(names({ text: "INFORMACION" })).toEqual(["b"]);
    expect(names({ text: "protective" })).toEqual(["b"]);
    expect(names({ text: "hotline-24h" })).toEqual(["a"]);
    expect(names({ text: "nothing like this" })).toEqual([]);
  });
  it("folds accents and lists languages", () => {
    expect(fold("Información")).toBe("informacion");
    expect(languagesOf(partners)).toEqual(["en", "es", "vi"]);
  });
});

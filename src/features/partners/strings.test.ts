import { CODES } from "../../fhir/codes";
import { codeDisplay } from "../../fhir/codeDisplays";
import { PARTNER_TEXT } from "./strings";

describe("directory text", () => {
  it("names every partner type and service code in English and Spanish", () => {
    for (const lang of ["en", "es"] as const) {
      expect(
        CODES.partnerType.filter((c) => codeDisplay("wr-partner-type", c, lang) === c),
      ).toEqual([]);
      expect(
        CODES.dsvServices.filter((c) => codeDisplay("wr-dsv-services", c, lang) === c),
      ).toEqual([]);
    }
  });
  it("names tiers and collaboration levels as before, from the CodeSystems", () => {
    expect(PARTNER_TEXT.en.tierLabel(3)).toBe("Tier 3: shared indicators");
    expect(PARTNER_TEXT.es.tierLabel(4)).toBe("Nivel 4: integración de datos");
    expect(PARTNER_TEXT.en.collaborationLabel("integrated")).toBe("Integrated");
    expect(PARTNER_TEXT.es.collaborationLabel("informed")).toBe("Informado");
  });
  it("has the same keys in both languages", () => {
    expect(Object.keys(PARTNER_TEXT.es).sort()).toEqual(Object.keys(PARTNER_TEXT.en).sort());
  });
});

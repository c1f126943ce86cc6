import { CODES } from "../../fhir/canonical";
import { PARTNER_TEXT, PARTNER_TYPE_NAMES, SERVICE_NAMES } from "./strings";

describe("directory text", () => {
  it("names every partner type and service code in English and Spanish", () => {
    for (const lang of ["en", "es"] as const) {
      expect(CODES.partnerType.filter((c) => !PARTNER_TYPE_NAMES[lang][c])).toEqual([]);
      expect(CODES.dsvServices.filter((c) => !SERVICE_NAMES[lang][c])).toEqual([]);
    }
  });
  it("has the same keys in both languages", () => {
    expect(Object.keys(PARTNER_TEXT.es).sort()).toEqual(Object.keys(PARTNER_TEXT.en).sort());
  });
});

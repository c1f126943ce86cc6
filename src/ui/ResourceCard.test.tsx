import { render, screen } from "@testing-library/react";
import type { ClinicConfig } from "../config/clinicConfig";
import type { Partner } from "../domain/partner";
import {
  cardHotlines,
  cardLanguages,
  cardWording,
  defaultCardLanguage,
  NATIONAL_DV_HOTLINE,
  ResourceCard,
} from "./ResourceCard";

const hotline = (phone: string, languages: string[], active = true) => ({
  id: phone,
  name: "Hotline",
  services: ["hotline-24h"],
  languages,
  open24x7: true,
  hours: [],
  walkIn: false,
  phone,
  active,
});
const partners: Partner[] = [
  {
    id: "a",
    name: "Safe Harbor Family Violence Program",
    aliases: ["Safe Harbor"],
    active: true,
    types: [],
    services: [
      hotline("503-555-0151", ["en", "es"]),
      { ...hotline("503-555-0152", ["en"]), services: ["support-groups"] },
    ],
  },
  {
    id: "b",
    name: "Bridges",
    active: true,
    types: [],
    services: [hotline("503-555-0171", ["en"])],
  },
  {
    id: "c",
    name: "Closed",
    active: false,
    types: [],
    services: [hotline("503-555-0199", ["es"])],
  },
];
const config = {
  resourceCard: {
    title: { en: "Support", es: "Apoyo", vi: "Hỗ trợ" },
    intro: { en: "Free.", es: "Gratis.", vi: "Miễn phí." },
    nationalHotline: { en: "National line", es: "Línea nacional", vi: "Đường dây quốc gia" },
  },
} as unknown as ClinicConfig;

describe("the local resource card", () => {
  it("lists active partners' hotlines that serve the card's language, under a neutral label", () => {
    expect(cardHotlines(partners, "es")).toEqual([
      { name: "Línea de apoyo", phone: "503-555-0151" },
    ]);
    expect(cardHotlines(partners, "en").map((h) => h.phone)).toEqual([
      "503-555-0151",
      "503-555-0171",
    ]);
  });
  it("shows the clinic's discreet label per partner, never the program's name or alias", () => {
    const labels = { a: { en: "Wellness line", es: "Línea de bienestar" } };
    expect(cardHotlines(partners, "es", labels)).toEqual([
      { name: "Línea de bienestar", phone: "503-555-0151" },
    ]);
    expect(cardHotlines(partners, "en", labels)).toEqual([
      { name: "Wellness line", phone: "503-555-0151" },
      { name: "Support line", phone: "503-555-0171" },
    ]);
    // Without labels: neutral, numbered lines.
    const names = cardHotlines(partners, "en").map((h) => h.name);
    expect(names).toEqual(["Support line 1", "Support line 2"]);
    for (const name of names) expect(name).not.toMatch(/Safe Harbor|Bridges/);
  });
  it("defaults to the patient's language when the card is offered in it", () => {
    expect(defaultCardLanguage(["en", "es", "vi"], "es")).toBe("es");
    expect(defaultCardLanguage(["en", "es", "vi"], "es-MX")).toBe("es");
    expect(defaultCardLanguage(["en", "es"], "so")).toBe("en");
    expect(defaultCardLanguage(["en", "es"], undefined)).toBe("en");
  });
  it("never breaks a phone number across lines, and reads it left to right", () => {
    render(
      <ResourceCard
        lang="es"
        wording={cardWording(config, "es")}
        hotlines={cardHotlines(partners, "es")}
      />,
    );
    for (const phone of ["503-555-0151", NATIONAL_DV_HOTLINE]) {
      const el = screen.getByText(phone);
      expect(el).toHaveAttribute("dir", "ltr");
      expect(el).toHaveStyle({ whiteSpace: "nowrap" });
    }
  });
  it("takes its wording from the clinic config, per language", () => {
    expect(cardLanguages(config)).toEqual(["en", "es", "vi"]);
    expect(cardWording(config, "vi").title).toBe("Hỗ trợ");
    expect(cardWording({} as ClinicConfig, "es").title).toBe("Apoyo, a cualquier hora");
  });
  it("always shows the National DV Hotline and takes no patient data", () => {
    render(
      <ResourceCard
        lang="es"
        wording={cardWording(config, "es")}
        hotlines={cardHotlines(partners, "es")}
      />,
    );
    const card = screen.getByRole("article", { name: "Apoyo" });
    expect(card).toHaveTextContent(NATIONAL_DV_HOTLINE);
    expect(card).toHaveTextContent("Línea nacional");
    expect(card).toHaveAttribute("lang", "es");
  });
});

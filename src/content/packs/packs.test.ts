import { SAFETY_ITEMS, SAFETY_POLARITY } from "../../domain/urgency";
import { codeDisplay } from "../../fhir/codeDisplays";
import { SETTINGS } from "../../domain/journey";
import { PACKS, packStatus } from "./index";

// Every safety item's spoken question and its control must mean the same thing: the control
// is the question as asked (answered Yes / No), never a statement of the opposite ("No safe
// place to stay tonight" under "Do you have a safe place to stay tonight?" let a hurried tick
// invert the answer). Checked per language pack.

/** Negation words per language: a question and its control must agree on negation. */
const NEGATION: Record<string, RegExp> = {
  en: /(?<!\p{L})(no|not|never|cannot|can't|don't|doesn't|without|nobody|none)(?!\p{L})|n't(?!\p{L})/iu,
  es: /(?<!\p{L})(no|nunca|sin|ningún|ninguna|ninguno|nadie|jamás|tampoco)(?!\p{L})/iu,
};

// Packs that ask the safety questions in their own words (vi and so fall back to English).
const OWN_QUESTIONS = Object.entries(PACKS).filter(
  ([lang]) =>
    !packStatus(lang)?.fallback.some(
      (key) => key.startsWith("patient.safetyQuestions") || key.startsWith("staff.safetyControls"),
    ),
);

it("English and Spanish ask the safety questions in their own words", () => {
  expect(OWN_QUESTIONS.map(([lang]) => lang)).toEqual(expect.arrayContaining(["en", "es"]));
});

describe.each(OWN_QUESTIONS)("content pack %s: safety questions", (lang, pack) => {
  const negation = NEGATION[lang];

  it("has a negation list for this language (add one when adding a pack)", () => {
    expect(negation).toBeInstanceOf(RegExp);
  });

  it.each([...SAFETY_ITEMS])("%s: one control and one spoken question, same polarity", (item) => {
    const control = pack.staff.safetyControls[item];
    const ask = pack.patient.safetyQuestions[item];
    // The control is a question, answered with Yes / No radios, not a statement.
    expect(control.trim()).toMatch(/\?$/);
    expect(ask.open.trim()).toMatch(/\?$/);
    expect(ask.yesNo.trim()).toMatch(/\?$/);
    const negated = (text: string) => Boolean(negation?.test(text));
    // None of the questions is asked negatively: "yes" / "no" then mean the same for the
    // patient, for staff, and for the rule (SAFETY_POLARITY).
    expect({
      control: negated(control),
      open: negated(ask.open),
      yesNo: negated(ask.yesNo),
    }).toEqual({ control: false, open: false, yesNo: false });
    expect(["yes", "no"]).toContain(SAFETY_POLARITY[item]);
  });

  it("the old inverted controls would fail this check", () => {
    // A statement of the concern under a positive question: the mismatch the test exists for.
    const inverted =
      lang === "es" ? "Sin lugar seguro esta noche" : "No safe place to stay tonight";
    expect(negation?.test(inverted)).toBe(true);
    expect(negation?.test(pack.patient.safetyQuestions.noSafePlace.open)).toBe(false);
  });

  it("findings (the urgency's reasons) state the concern the raising answer means", () => {
    // Items raised by "no" are findings of absence: their finding is negated, the question is not.
    for (const item of SAFETY_ITEMS) {
      const finding = pack.staff.safetyItems[item];
      expect(finding.length).toBeGreaterThan(0);
      if (item === "noSafePlace" || item === "noMedications")
        expect(negation?.test(finding), `${lang} ${item}`).toBe(true);
    }
  });
});

describe.each(Object.entries(PACKS))("content pack %s: settings", (lang, pack) => {
  it("names the visit settings as the CodeSystem does (the guide keeps its own copy)", () => {
    for (const s of SETTINGS)
      expect(pack.staff.settings[s]).toBe(codeDisplay("wr-visit-setting", s, lang));
  });

  it("mobile units and school-based clinics have their own confidentiality checks", () => {
    expect(pack.staff.settingChecks["mobile-unit"]?.length).toBeGreaterThan(0);
    expect(pack.staff.settingChecks["school-based"]?.length).toBeGreaterThan(0);
  });
});

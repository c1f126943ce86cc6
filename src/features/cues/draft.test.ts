import {
  canAdvance,
  canRecord,
  chosenCards,
  defaultCards,
  freshGuide,
  GUIDE_STEPS,
  isMinor,
  previousStep,
  switchMode,
  toSupportSummary,
  type CatalogCard,
  type GuideDraft,
} from "./draft";

// The guide's rules without a DOM: the step order per mode, every step's advance rule
// (allowed and refused), the cards, and what goes on to the referral.

const catalog: CatalogCard[] = [
  { id: "general", type: "general", title: { en: "General" }, languages: ["en", "es", "vi"] },
  { id: "teen", type: "adolescent", title: { en: "Teen" }, languages: ["en", "es"] },
  { id: "repro", type: "reproductive-health", title: { en: "Repro" }, languages: ["en", "es"] },
  { id: "native", type: "native", title: { en: "Native" }, languages: ["en"] },
];

const provider = (over: Partial<GuideDraft> = {}): GuideDraft => ({
  ...freshGuide(true, "es"),
  ...over,
});

describe("the guide's steps", () => {
  it("a provider starts at C with the full guide; any other role on education only", () => {
    expect(freshGuide(true, "es")).toMatchObject({ mode: "full", step: "c", language: "es" });
    expect(freshGuide(false, "en")).toMatchObject({ mode: "education", step: "ue" });
    expect(GUIDE_STEPS.full).toEqual(["c", "ue", "s"]);
    expect(GUIDE_STEPS.education).toEqual(["ue"]);
  });

  it("C and UE refuse nothing in the full guide", () => {
    expect(canAdvance("c", provider())).toEqual({ ok: true, next: "ue" });
    expect(canAdvance("ue", provider({ step: "ue" }))).toEqual({ ok: true, next: "s" });
  });

  it("S refuses the referral until the patient has chosen a service", () => {
    expect(canAdvance("s", provider({ step: "s" }))).toEqual({ ok: false, problem: "pickGoal" });
    expect(canAdvance("s", provider({ step: "s", goals: ["hotline-24h"] }))).toEqual({
      ok: true,
      next: "referral",
    });
  });

  it("education only ends at UE, and the side steps lead nowhere forwards", () => {
    const ma = freshGuide(false, "en");
    expect(canAdvance("ue", ma)).toEqual({ ok: false });
    expect(canAdvance("s", { ...ma, goals: ["hotline-24h"] })).toEqual({ ok: false });
    expect(canAdvance("not-safe", provider())).toEqual({ ok: false });
    expect(canAdvance("nothing-now", provider())).toEqual({ ok: false });
  });

  it("back: S → UE → C; not safe → C; nothing now → S", () => {
    expect(previousStep("s")).toBe("ue");
    expect(previousStep("ue")).toBe("c");
    expect(previousStep("not-safe")).toBe("c");
    expect(previousStep("nothing-now")).toBe("s");
  });

  it("the mode switch: the full guide is not a medical assistant's to open", () => {
    const ma = freshGuide(false, "en");
    expect(switchMode(ma, "full", false)).toMatchObject({ mode: "education", step: "ue" });
    const atS = provider({ step: "s" });
    expect(switchMode(atS, "education", true)).toMatchObject({ mode: "education", step: "ue" });
    expect(switchMode({ ...atS, mode: "education", step: "ue" }, "full", true)).toMatchObject({
      mode: "full",
      step: "ue",
    });
    expect(switchMode(provider({ step: "not-safe" }), "full", true).step).toBe("c");
  });
});

describe("cards", () => {
  it("defaults to a general card and one that suits the patient, in their language", () => {
    expect(defaultCards(catalog, "es", false)).toEqual(["general", "repro"]);
    expect(defaultCards(catalog, "es", true)).toEqual(["teen", "general"]);
    // No card in that language: choose from all.
    expect(defaultCards(catalog, "so", false)).toEqual(["general", "repro"]);
    expect(defaultCards(catalog, "vi", false)).toEqual(["general"]);
  });

  it("offers each card in the patient's language where it has it", () => {
    expect(chosenCards({ cards: ["general", "native", "gone"], language: "es" }, catalog)).toEqual([
      { id: "general", type: "general", language: "es" },
      { id: "native", type: "native", language: "en" },
    ]);
    expect(chosenCards({ cards: null, language: "es" }, catalog)).toEqual([]);
  });

  it("recording needs at least one card", () => {
    expect(canRecord([])).toBe("needCard");
    expect(canRecord([{ id: "general", type: "general", language: "es" }])).toBeNull();
  });

  it("a minor is under the jurisdiction's age; an unknown birth date is not", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    expect(isMinor("2010-01-01", 18, now)).toBe(true);
    expect(isMinor("1990-01-01", 18, now)).toBe(false);
    expect(isMinor(undefined, 18, now)).toBe(false);
    expect(isMinor("", 18, now)).toBe(false);
  });
});

describe("toSupportSummary", () => {
  const offered = provider({
    goals: ["hotline-24h"],
    cards: ["general"],
    answers: { immediateDanger: true },
    education: { clientId: "edu-1", offeredAt: "2026-12-02T10:00:00.000Z", recorded: false },
  });

  it("hands on the language, services, urgency and the education not yet recorded", () => {
    expect(toSupportSummary(offered, catalog, "in-person")).toEqual({
      language: "es",
      needs: ["hotline-24h"],
      urgency: "now",
      educationRecorded: false,
      education: {
        clientId: "edu-1",
        cards: [{ id: "general", type: "general", language: "es" }],
        offeredAt: "2026-12-02T10:00:00.000Z",
      },
      setting: "in-person",
    });
  });

  it("never the answers; and no education once recorded", () => {
    const recorded = { ...offered, education: { ...offered.education, recorded: true } };
    const summary = toSupportSummary(recorded, catalog, "telehealth-video");
    expect(summary).not.toHaveProperty("education");
    expect(summary).not.toHaveProperty("answers");
    expect(summary).toMatchObject({ educationRecorded: true, setting: "telehealth-video" });
  });
});

import { describe, expect, it } from "vitest";
import {
  answerOf,
  assessUrgency,
  DANGER_SIGNS,
  raisedBy,
  SAFETY_ITEMS,
  suggestedServices,
} from "./urgency";

describe("assessUrgency", () => {
  it("nothing raised → routine", () => {
    expect(assessUrgency({})).toEqual({ level: "routine", reasons: [], strangulation: false });
    expect(assessUrgency({ food: true, legal: true, housing: true }).level).toBe("routine");
  });
  it("immediate danger or no safe place tonight → now", () => {
    expect(assessUrgency({ immediateDanger: true })).toEqual({
      level: "now",
      reasons: ["immediateDanger"],
      strangulation: false,
    });
    expect(assessUrgency({ noSafePlace: true, legal: true })).toMatchObject({
      level: "now",
      reasons: ["noSafePlace"],
    });
  });
  // Lethality Assessment Program: a "yes" to any one of the first screening questions
  // triggers the protocol; Danger Assessment: each of these is a lethality risk factor.
  it.each([
    ["strangulation"],
    ["weapon"],
    ["threatsToKill"],
    ["escalating"],
    ["fearOfBeingKilled"],
  ] as const)("a single lethality sign (%s) → connect now", (sign) => {
    expect(assessUrgency({ [sign]: true })).toMatchObject({ level: "now", reasons: [sign] });
  });
  it("every danger sign on its own is 'now'", () => {
    for (const sign of DANGER_SIGNS) expect(assessUrgency({ [sign]: true }).level).toBe("now");
  });
  it("strangulation flags the delayed-injury prompt, with any other answers", () => {
    expect(assessUrgency({ strangulation: true, legal: true })).toEqual({
      level: "now",
      reasons: ["strangulation"],
      strangulation: true,
    });
    expect(assessUrgency({ weapon: true }).strangulation).toBe(false);
    expect(assessUrgency({ strangulation: false }).strangulation).toBe(false);
  });
  it("reasons list every raised sign in order", () => {
    expect(assessUrgency({ weapon: true, strangulation: true, childrenUnsafe: true })).toEqual({
      level: "now",
      reasons: ["strangulation", "weapon"],
      strangulation: true,
    });
  });
  it("children at risk or no medicines alone → soon", () => {
    expect(assessUrgency({ childrenUnsafe: true })).toMatchObject({
      level: "soon",
      reasons: ["childrenUnsafe"],
    });
    expect(assessUrgency({ noMedications: true }).level).toBe("soon");
  });
  it("false answers count as not raised", () => {
    expect(assessUrgency({ immediateDanger: false, weapon: false }).level).toBe("routine");
  });
});

describe("answers to the questions as asked", () => {
  it("'no' to a safe place, medicines or food raises the concern; 'yes' does not", () => {
    for (const item of ["noSafePlace", "noMedications", "food"] as const) {
      expect(raisedBy(item, "no")).toBe(true);
      expect(raisedBy(item, "yes")).toBe(false);
    }
    expect(assessUrgency({ noSafePlace: raisedBy("noSafePlace", "yes") }).level).toBe("routine");
    expect(assessUrgency({ noSafePlace: raisedBy("noSafePlace", "no") }).level).toBe("now");
  });
  it("'yes' to a danger sign raises it", () => {
    for (const item of DANGER_SIGNS) expect(raisedBy(item, "yes")).toBe(true);
  });
  it("answerOf inverts raisedBy for every item and both answers", () => {
    for (const item of SAFETY_ITEMS) {
      expect(answerOf(item, {})).toBeUndefined();
      for (const answer of ["yes", "no"] as const)
        expect(answerOf(item, { [item]: raisedBy(item, answer) })).toBe(answer);
    }
  });
});

describe("suggestedServices", () => {
  it("maps answers to DSV service codes without duplicates", () => {
    expect(suggestedServices({ weapon: true, legal: true, housing: true })).toEqual([
      "drop-in-safety-planning",
      "legal-advocacy",
      "housing-advocacy",
    ]);
    expect(suggestedServices({})).toEqual([]);
  });
});

describe("newClientId", () => {
  it("makes a v4 UUID, also without crypto.randomUUID (insecure context)", async () => {
    const { newClientId } = await import("./journey");
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientId()).toMatch(uuid);
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      const a = newClientId();
      expect(a).toMatch(uuid);
      expect(newClientId()).not.toBe(a);
    } finally {
      Object.defineProperty(crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});

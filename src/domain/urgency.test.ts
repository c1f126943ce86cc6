import { describe, expect, it } from "vitest";
import { assessUrgency, suggestedServices } from "./urgency";

describe("assessUrgency", () => {
  it("nothing raised → routine", () => {
    expect(assessUrgency({})).toEqual({ level: "routine", reasons: [] });
    expect(assessUrgency({ food: true, legal: true, housing: true }).level).toBe("routine");
  });
  it("immediate danger or no safe place tonight → now", () => {
    expect(assessUrgency({ immediateDanger: true })).toEqual({
      level: "now",
      reasons: ["immediateDanger"],
    });
    expect(assessUrgency({ noSafePlace: true, legal: true })).toEqual({
      level: "now",
      reasons: ["noSafePlace"],
    });
  });
  it("two of strangulation / weapon / threats to kill → now", () => {
    expect(assessUrgency({ weapon: true, strangulation: true })).toEqual({
      level: "now",
      reasons: ["strangulation", "weapon"],
    });
  });
  it("one danger sign → soon; with children at risk → now", () => {
    expect(assessUrgency({ weapon: true })).toEqual({ level: "soon", reasons: ["weapon"] });
    expect(assessUrgency({ threatsToKill: true, childrenUnsafe: true })).toEqual({
      level: "now",
      reasons: ["threatsToKill", "childrenUnsafe"],
    });
  });
  it("children at risk or no medicines alone → soon", () => {
    expect(assessUrgency({ childrenUnsafe: true }).level).toBe("soon");
    expect(assessUrgency({ noMedications: true }).level).toBe("soon");
  });
  it("false answers count as not raised", () => {
    expect(assessUrgency({ immediateDanger: false, weapon: false }).level).toBe("routine");
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

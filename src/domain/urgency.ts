import type { Urgency } from "./journey";

// The safety and needs check → an urgency level, and the services it suggests. Pure rules,
// unit-tested. The answers stay in memory: they are never written to the FHIR server.

export const DANGER_SIGNS = [
  "immediateDanger",
  "strangulation",
  "weapon",
  "threatsToKill",
] as const;
export const SAFETY_NEEDS = [
  "noSafePlace",
  "noMedications",
  "childrenUnsafe",
  "food",
  "legal",
  "housing",
  "mentalHealth",
] as const;
export const SAFETY_ITEMS = [...DANGER_SIGNS, ...SAFETY_NEEDS] as const;
export type SafetyItem = (typeof SAFETY_ITEMS)[number];

/** Which items the patient said apply (unchecked = not raised). */
export type SafetyAnswers = Partial<Record<SafetyItem, boolean>>;

export interface UrgencyResult {
  level: Urgency;
  /** The answers that decided the level, in SAFETY_ITEMS order. */
  reasons: SafetyItem[];
}

const SEVERE = ["strangulation", "weapon", "threatsToKill"] as const;

/**
 * - now ("connect now"): immediate danger, no safe place tonight, two or more of strangulation /
 *   a weapon / threats to kill, or one of them with children at risk;
 * - soon (within a day or two): one of those signs, children at risk, or no access to medicines;
 * - routine: everything else (needs are offered at the patient's pace).
 */
export function assessUrgency(answers: SafetyAnswers): UrgencyResult {
  const yes = (item: SafetyItem) => answers[item] === true;
  const severe = SEVERE.filter(yes);
  if (yes("immediateDanger") || yes("noSafePlace") || severe.length >= 2) {
    return {
      level: "now",
      reasons: SAFETY_ITEMS.filter(
        (i) =>
          yes(i) && (i === "immediateDanger" || i === "noSafePlace" || severe.includes(i as never)),
      ),
    };
  }
  if (severe.length === 1 && yes("childrenUnsafe")) {
    return { level: "now", reasons: [...severe, "childrenUnsafe"] };
  }
  const soon = SAFETY_ITEMS.filter(
    (i) =>
      yes(i) && (severe.includes(i as never) || i === "childrenUnsafe" || i === "noMedications"),
  );
  if (soon.length > 0) return { level: "soon", reasons: soon };
  return { level: "routine", reasons: [] };
}

const SUGGESTIONS: Record<SafetyItem, string[]> = {
  immediateDanger: ["hotline-24h", "drop-in-safety-planning"],
  strangulation: ["drop-in-safety-planning", "health-wellness"],
  weapon: ["drop-in-safety-planning"],
  threatsToKill: ["drop-in-safety-planning"],
  noSafePlace: ["emergency-shelter", "hotline-24h"],
  noMedications: ["health-wellness"],
  childrenUnsafe: ["drop-in-safety-planning", "case-management"],
  food: ["economic-advocacy", "case-management"],
  legal: ["legal-advocacy"],
  housing: ["housing-advocacy"],
  mentalHealth: ["mental-health", "support-groups"],
};

/** DSV service codes suggested by the answers (a starting point for the patient's own goals). */
export function suggestedServices(answers: SafetyAnswers): string[] {
  const out: string[] = [];
  for (const item of SAFETY_ITEMS) {
    if (answers[item] !== true) continue;
    for (const code of SUGGESTIONS[item]) if (!out.includes(code)) out.push(code);
  }
  return out;
}

import type { Urgency } from "./journey";

// The safety and needs check → an urgency level, and the services it suggests. Pure rules,
// unit-tested. The answers stay in memory: they are never written to the FHIR server.
//
// Sources of the rules (see also README "Safety check and urgency"):
// - Lethality Assessment Program (LAP) Lethality Screen, Maryland Network Against Domestic
//   Violence (https://lethalityassessmentprogram.org), adapted from J. C. Campbell's Danger
//   Assessment: a "yes" to ANY of its first screening questions — used or threatened a weapon,
//   threatened to kill, the patient believes they might try to kill them — triggers the
//   protocol (connect the survivor with an advocate now), whatever the other answers.
// - Danger Assessment (J. C. Campbell et al., "Risk factors for femicide in abusive
//   relationships", Am J Public Health 2003;93(7):1089-97; https://www.dangerassessment.org):
//   strangulation (choking), violence increasing in severity or frequency, a weapon / gun,
//   threats to kill and the belief they could kill the patient are among the strongest risk
//   factors for intimate partner homicide. Non-fatal strangulation raises the odds of later
//   homicide about sevenfold (N. Glass et al., J Emerg Med 2008;35(3):329-35).
// So any single lethality sign means "connect now"; none is left to "soon".

/** Lethality signs: any ONE of them means "connect now". */
export const DANGER_SIGNS = [
  "immediateDanger",
  "strangulation",
  "weapon",
  "threatsToKill",
  "escalating",
  "fearOfBeingKilled",
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

/**
 * Which items the patient raised: `true` = the concern applies, `false` = asked, it does not,
 * absent = not asked. (The controls answer each question as asked; see SAFETY_POLARITY.)
 */
export type SafetyAnswers = Partial<Record<SafetyItem, boolean>>;

/**
 * The answer to each question, as asked, that raises the concern. "Do you have a safe place to
 * stay tonight?" raises it on "no"; "Has anyone ever choked you?" on "yes". Every content pack
 * phrases its questions to this polarity (a unit test checks each pack).
 */
export const SAFETY_POLARITY: Record<SafetyItem, "yes" | "no"> = {
  immediateDanger: "yes",
  strangulation: "yes",
  weapon: "yes",
  threatsToKill: "yes",
  escalating: "yes",
  fearOfBeingKilled: "yes",
  noSafePlace: "no",
  noMedications: "no",
  childrenUnsafe: "yes",
  food: "no",
  legal: "yes",
  housing: "yes",
  mentalHealth: "yes",
};

/** A yes/no answer to the question as asked → whether the concern is raised. */
export function raisedBy(item: SafetyItem, answer: "yes" | "no"): boolean {
  return answer === SAFETY_POLARITY[item];
}

/** The yes/no answer (as asked) that an entry of SafetyAnswers stands for. */
export function answerOf(item: SafetyItem, answers: SafetyAnswers): "yes" | "no" | undefined {
  const raised = answers[item];
  if (raised === undefined) return undefined;
  const concern = SAFETY_POLARITY[item];
  return raised ? concern : concern === "yes" ? "no" : "yes";
}

export interface UrgencyResult {
  level: Urgency;
  /** The answers that decided the level, in SAFETY_ITEMS order. */
  reasons: SafetyItem[];
  /** Strangulation was disclosed: show the delayed-injury prompt and the clinic's protocol. */
  strangulation: boolean;
}

/**
 * - now ("connect now"): any lethality sign (DANGER_SIGNS: immediate danger, strangulation, a
 *   weapon, threats to kill, violence getting worse or more frequent, fear of being killed —
 *   LAP / Danger Assessment, above), or no safe place to stay tonight;
 * - soon (within a day or two): children at risk, or no access to medicines;
 * - routine: everything else (needs are offered at the patient's pace).
 */
export function assessUrgency(answers: SafetyAnswers): UrgencyResult {
  const yes = (item: SafetyItem) => answers[item] === true;
  const strangulation = yes("strangulation");
  const now = SAFETY_ITEMS.filter(
    (i) => yes(i) && ((DANGER_SIGNS as readonly string[]).includes(i) || i === "noSafePlace"),
  );
  if (now.length > 0) return { level: "now", reasons: now, strangulation };
  const soon = SAFETY_ITEMS.filter(
    (i) => yes(i) && (i === "childrenUnsafe" || i === "noMedications"),
  );
  if (soon.length > 0) return { level: "soon", reasons: soon, strangulation };
  return { level: "routine", reasons: [], strangulation };
}

const SUGGESTIONS: Record<SafetyItem, string[]> = {
  immediateDanger: ["hotline-24h", "drop-in-safety-planning"],
  strangulation: ["drop-in-safety-planning", "health-wellness"],
  weapon: ["drop-in-safety-planning"],
  threatsToKill: ["drop-in-safety-planning"],
  escalating: ["drop-in-safety-planning"],
  fearOfBeingKilled: ["hotline-24h", "drop-in-safety-planning"],
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

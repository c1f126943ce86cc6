import {
  newClientId,
  type CardOffered,
  type CardType,
  type Setting,
  type SupportSummary,
} from "../../domain/journey";
import { assessUrgency, type SafetyAnswers } from "../../domain/urgency";
import { ageOn } from "../../domain/people";
import type { StaffText } from "../../content/packs/types";

// The CUES guide's state and rules, without React: the step order per mode, what each step
// needs before the next one opens, the cards offered, and the SupportSummary the guide hands
// to the referral. The state lives in memory only (useRemembered); the safety answers never
// leave it, only the chosen services and an urgency level do.

export type Step = "c" | "ue" | "s" | "not-safe" | "nothing-now";
export type Mode = "full" | "education";

/** The steps shown in the step list; "not-safe" and "nothing-now" are side steps. */
export const GUIDE_STEPS = { full: ["c", "ue", "s"], education: ["ue"] } as const satisfies Record<
  Mode,
  readonly Step[]
>;

export interface GuideDraft {
  mode: Mode;
  step: Step;
  setting: Setting | null;
  checklist: { alone: boolean; interpreter: boolean; limits: boolean };
  remote: { safeTime?: boolean; alone?: boolean };
  yesNo: boolean;
  language: string;
  cards: string[] | null;
  education: { clientId: string; offeredAt: string | null; recorded: boolean };
  answers: SafetyAnswers;
  goals: string[];
  /** The setting's own confidentiality checks (mobile unit, school-based), by index. */
  settingChecks?: Record<string, boolean>;
}

/** A role with the full guide starts at C; any other (a medical assistant) on education. */
export function freshGuide(fullGuide: boolean, language: string): GuideDraft {
  return {
    mode: fullGuide ? "full" : "education",
    step: fullGuide ? "c" : "ue",
    setting: null,
    checklist: { alone: false, interpreter: false, limits: false },
    remote: {},
    yesNo: false,
    language,
    cards: null,
    education: { clientId: newClientId(), offeredAt: null, recorded: false },
    answers: {},
    goals: [],
  };
}

/** The mode switch: education only keeps to UE; the full guide is not every role's to open. */
export function switchMode(draft: GuideDraft, mode: Mode, fullGuide: boolean): GuideDraft {
  const education = !fullGuide || mode === "education";
  return {
    ...draft,
    mode: fullGuide ? mode : "education",
    step: education || draft.step === "ue" ? "ue" : "c",
  };
}

type Problem = keyof Pick<StaffText, "pickGoal" | "needCard">;
export type Advance = { ok: true; next: Step | "referral" } | { ok: false; problem?: Problem };

/**
 * Whether the guide may leave `step` forwards, and to where. C and UE guide the conversation
 * and refuse nothing (recording the education is its own action); S needs at least one
 * service the patient wants before the referral; education-only mode ends at UE.
 */
export function canAdvance(step: Step, draft: GuideDraft): Advance {
  if (draft.mode === "education") return { ok: false };
  switch (step) {
    case "c":
      return { ok: true, next: "ue" };
    case "ue":
      return { ok: true, next: "s" };
    case "s":
      return draft.goals.length
        ? { ok: true, next: "referral" }
        : { ok: false, problem: "pickGoal" };
    default:
      return { ok: false };
  }
}

/** The step Back leads to (the side steps return where they came from). */
export function previousStep(step: Step): Step {
  return step === "s" ? "ue" : step === "nothing-now" ? "s" : "c";
}

export interface CatalogCard {
  id: string;
  type: CardType;
  title: Record<string, string>;
  languages: string[];
}

/** The default two cards: a general one, and one that suits the patient. */
export function defaultCards(catalog: CatalogCard[], language: string, minor: boolean): string[] {
  const available = catalog.filter((c) => c.languages.includes(language));
  const list = available.length ? available : catalog;
  const prefer: CardType[] = minor
    ? ["adolescent", "general", "reproductive-health"]
    : ["general", "reproductive-health", "lgbtq"];
  const picked: string[] = [];
  for (const type of prefer) {
    const card = list.find((c) => c.type === type && !picked.includes(c.id));
    if (card && picked.length < 2) picked.push(card.id);
  }
  for (const card of list) if (picked.length < 2 && !picked.includes(card.id)) picked.push(card.id);
  return picked;
}

/** The chosen cards as offered: each in the patient's language where it has it. */
export function chosenCards(
  draft: Pick<GuideDraft, "cards" | "language">,
  catalog: CatalogCard[],
): CardOffered[] {
  return (draft.cards ?? [])
    .map((id) => catalog.find((c) => c.id === id))
    .filter((c): c is CatalogCard => Boolean(c))
    .map((c) => ({
      id: c.id,
      type: c.type,
      language: c.languages.includes(draft.language) ? draft.language : (c.languages[0] ?? "en"),
    }));
}

/** Recording the education needs at least one card. */
export const canRecord = (cards: readonly CardOffered[]): Problem | null =>
  cards.length ? null : "needCard";

/** Under the jurisdiction's age of a minor (an unknown birth date is not a minor). */
export function isMinor(birthDate: string | undefined, minorAgeBelow: number, now: Date): boolean {
  const age = birthDate ? ageOn(birthDate, now) : undefined;
  return age !== undefined && age < minorAgeBelow;
}

/**
 * What the guide hands to the referral: the patient's language and chosen services, the
 * urgency (never the answers), and the education offered when it is not recorded yet.
 */
export function toSupportSummary(
  draft: GuideDraft,
  catalog: CatalogCard[],
  setting: Setting,
): SupportSummary {
  const cards = chosenCards(draft, catalog);
  const { education } = draft;
  return {
    language: draft.language,
    needs: draft.goals,
    urgency: assessUrgency(draft.answers).level,
    educationRecorded: education.recorded,
    ...(!education.recorded && education.offeredAt && cards.length
      ? { education: { clientId: education.clientId, cards, offeredAt: education.offeredAt } }
      : {}),
    setting,
  };
}

// The shared vocabulary of the CUES journey: what the guide (src/features/cues) hands to the
// referral flow (src/features/referrals). Plain data, no React, no FHIR JSON.

/** Where the conversation happens (C — confidentiality). */
export const SETTINGS = [
  "in-person",
  "telehealth-video",
  "telephone",
  "mobile-unit",
  "school-based",
] as const;
export type Setting = (typeof SETTINGS)[number];

/** Remote settings get the "safe time to talk?" questions and the yes/no mode. */
export function isRemote(setting: Setting): boolean {
  return setting === "telehealth-video" || setting === "telephone";
}

export type Urgency = "routine" | "soon" | "now";

/** The clinic's safety-card types (public/clinic-config.json safetyCards[].type). */
export type CardType =
  | "general"
  | "adolescent"
  | "reproductive-health"
  | "trafficking"
  | "lgbtq"
  | "native"
  | "disability"
  | "elder";

/** One card handed over (or shown) during universal education. */
export interface CardOffered {
  id: string;
  type: CardType;
  language: string;
}

/** Universal education as offered in this visit (the universal-education Procedure). */
export interface EducationOffered {
  /** The client-made identifier, made once, so a retry or a later bundle never duplicates. */
  clientId: string;
  cards: CardOffered[];
  /** ISO date-time. */
  offeredAt: string;
}

/** The DSV services a patient can ask for (CodeSystem wr-dsv-services; CODES.dsvServices). */
export const DSV_SERVICES = [
  "drop-in-safety-planning",
  "emergency-shelter",
  "housing-advocacy",
  "hotline-24h",
  "legal-advocacy",
  "court-accompaniment",
  "support-groups",
  "mental-health",
  "health-wellness",
  "case-management",
  "justice-advocacy",
  "economic-advocacy",
  "anti-trafficking",
] as const;

export interface SupportSummary {
  /** BCP 47 base code of the language the patient is being spoken to in. */
  language: string;
  /** DSV service codes (CODES.dsvServices) the patient wants help with. */
  needs: string[];
  urgency: Urgency;
  /** Whether universal education was already recorded in this visit. */
  educationRecorded: boolean;
  /** The education offered in this visit, to record with the referral when not recorded yet. */
  education?: EducationOffered;
  setting?: Setting;
}

export const HANDOFF_METHODS = [
  "onsite-advocate",
  "call-together",
  "chat",
  "hotline",
  "card-only",
] as const;
export type HandoffMethod = (typeof HANDOFF_METHODS)[number];

/** The National Domestic Violence Hotline: 24/7, 170+ languages. */
export const NATIONAL_DV_HOTLINE = "1-800-799-7233";

/** How (and whether) the partner may contact the patient (wr-safe-contact-preferences). */
export interface SafeContact {
  noContact: boolean;
  safePhone?: string;
  safeTimes?: string;
  voicemailOk?: boolean;
  mayNameAgency?: boolean;
  coverStory?: string;
}

/** FHIR ServiceRequest.priority for an urgency level. */
export function priorityFor(urgency: Urgency): "routine" | "urgent" | "asap" {
  return urgency === "now" ? "asap" : urgency === "soon" ? "urgent" : "routine";
}

/** The date `days` after `from`, as an ISO date-time at the same instant. */
export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
}

/** A client-made identifier (UUID v4), made once per record and reused on every retry. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

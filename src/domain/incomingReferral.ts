import type { SafeContact } from "./journey";
import { ageOn } from "./people";
import { actionsFor, INCOMING_TRANSITIONS, type Party, type Transition } from "./taskLifecycle";

// Referrals back (partner → clinic), pure: the reasons a partner program may refer its client
// for, the urgency levels, checking the advocate's form before anything is written, and the
// read model both sides see (src/fhir/incomingReferral.ts builds it from FHIR). The Task's
// transitions are INCOMING_TRANSITIONS in taskLifecycle.ts: the partner is the requester, the
// clinic the performer.

export const CLINIC_SERVICES = [
  "next-day-appointment",
  "reproductive-sexual-health",
  "hiv-sti-testing",
  "behavioral-health",
  "substance-use-support",
  "prenatal-postpartum",
  "enrollment-help",
  "other",
] as const;
export type ClinicService = (typeof CLINIC_SERVICES)[number];

/** Urgency as FHIR priority: today (asap), within a day (urgent), this week or so (routine). */
export const BACK_URGENCIES = ["asap", "urgent", "routine"] as const;
export type BackUrgency = (typeof BACK_URGENCIES)[number];

/** The urgency a reason starts with: a next-day appointment is within a day. */
export function defaultUrgency(reason: ClinicService | ""): BackUrgency {
  return reason === "next-day-appointment" ? "urgent" : "routine";
}

/** What the advocate enters. Everything stays in memory until it is sent. */
export interface ReferralBackDraft {
  reason: ClinicService | "";
  /** Only for "other": the reason in words (on the Task, never on the ServiceRequest). */
  reasonText: string;
  urgency: BackUrgency;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** BCP 47 base code, e.g. "es"; empty when not asked. */
  language: string;
  safeContact: SafeContact;
  /** The client agreed that the partner shares all of this with the clinic. */
  consent: boolean;
  /** How many days the consent lasts. */
  consentDays: number;
}

export function emptyReferralBackDraft(): ReferralBackDraft {
  return {
    reason: "",
    reasonText: "",
    urgency: "routine",
    givenName: "",
    familyName: "",
    birthDate: "",
    language: "",
    safeContact: { noContact: false },
    consent: false,
    consentDays: 30,
  };
}

export type DraftProblem =
  | "reason-missing"
  | "reason-text-missing"
  | "name-missing"
  | "birth-date-missing"
  | "birth-date-invalid"
  | "birth-date-future"
  | "contact-missing"
  | "consent-missing"
  | "consent-days-invalid";

/** The field each problem belongs to (focus goes there; its message is shown next to it). */
export const PROBLEM_FIELD: Record<DraftProblem, string> = {
  "reason-missing": "reason",
  "reason-text-missing": "reasonText",
  "name-missing": "givenName",
  "birth-date-missing": "birthDate",
  "birth-date-invalid": "birthDate",
  "birth-date-future": "birthDate",
  "contact-missing": "safePhone",
  "consent-missing": "consent",
  "consent-days-invalid": "consentDays",
};

/** Problems of the draft, in the order of the form; empty when it may be sent. */
export function checkReferralBackDraft(draft: ReferralBackDraft, today: Date): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.reason) problems.push("reason-missing");
  if (draft.reason === "other" && !draft.reasonText.trim()) problems.push("reason-text-missing");
  if (!draft.givenName.trim() || !draft.familyName.trim()) problems.push("name-missing");
  const dob = draft.birthDate.trim();
  if (!dob) problems.push("birth-date-missing");
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(dob) || Number.isNaN(Date.parse(`${dob}T00:00:00Z`)))
    problems.push("birth-date-invalid");
  else if ((ageOn(dob, today) ?? -1) < 0) problems.push("birth-date-future");
  const c = draft.safeContact;
  if (!c.noContact && !c.safePhone?.trim()) problems.push("contact-missing");
  if (!draft.consent) problems.push("consent-missing");
  if (!Number.isInteger(draft.consentDays) || draft.consentDays < 1 || draft.consentDays > 365)
    problems.push("consent-days-invalid");
  return problems;
}

/** What both sides see of a referral back's consent. */
export type BackConsentState = "active" | "withdrawn" | "expired" | "unavailable";

export interface BackConsentFacts {
  status?: string;
  end?: string;
  start?: string;
}

export function backConsentState(c: BackConsentFacts | undefined, now: Date): BackConsentState {
  if (!c) return "unavailable";
  if (c.status === "inactive" || c.status === "rejected" || c.status === "entered-in-error")
    return "withdrawn";
  if (c.status !== "active") return "unavailable";
  if (c.start && Date.parse(c.start) > now.getTime()) return "unavailable";
  if (c.end && Date.parse(c.end) < now.getTime()) return "expired";
  return "active";
}

/** The client as the partner described them (only while the consent covers the clinic). */
export interface BackClient {
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  language?: string;
}

/** One load of referrals back, and how many records the server sent that could not be read. */
export interface ReferralsBackRead {
  referrals: ReferralBack[];
  unreadable: number;
}

export interface ReferralBack {
  taskId: string;
  /** If-Match on every update. */
  version: string;
  status: string;
  businessStatus?: string;
  statusReason?: { code?: string; text?: string };
  priority: BackUrgency | "stat";
  reason?: string;
  /** The reason in words ("other"), when shown. */
  reasonText?: string;
  authoredOn?: string;
  lastUpdated?: string;
  lastChangedBy?: string;
  /** The partner program ("Organization/…") and its name when the server gave it. */
  requester?: string;
  requesterName?: string;
  consent: BackConsentState;
  /** "Patient/…" once the clinic matched the client; undefined before. */
  matchedPatient?: string;
  /** The clinic noted that the client must be registered first. */
  registrationNeeded: boolean;
  /** Present only while the consent is active and the client not matched yet. */
  client?: BackClient;
  /** Present only while the consent is active. */
  safeContact?: SafeContact;
}

/**
 * Minimum necessary for the clinic's staff: the client's identity only while the consent is
 * active and until the client is matched (the EHR's Patient is the record then); the safe
 * contact only while the consent is active. Applied after the server's own rules.
 */
export function shownToClinic(r: ReferralBack): ReferralBack {
  const { client, safeContact, reasonText, ...rest } = r;
  if (r.consent !== "active") return rest;
  return {
    ...rest,
    ...(client && !r.matchedPatient ? { client } : {}),
    ...(safeContact ? { safeContact } : {}),
    ...(reasonText ? { reasonText } : {}),
  };
}

const RANK: Record<ReferralBack["priority"], number> = { stat: 0, asap: 1, urgent: 2, routine: 3 };
const CLOSED = ["rejected", "cancelled", "failed", "completed"];

export function isOpen(r: Pick<ReferralBack, "status">): boolean {
  return !CLOSED.includes(r.status);
}

/** Open first; then most urgent; then oldest first (the one waiting longest). */
export function sortIncoming(list: readonly ReferralBack[]): ReferralBack[] {
  return [...list].sort(
    (a, b) =>
      Number(isOpen(b)) - Number(isOpen(a)) ||
      RANK[a.priority] - RANK[b.priority] ||
      (a.authoredOn ?? "").localeCompare(b.authoredOn ?? ""),
  );
}

/** The partner's own list: newest first. */
export function sortSent(list: readonly ReferralBack[]): ReferralBack[] {
  return [...list].sort((a, b) => (b.authoredOn ?? "").localeCompare(a.authoredOn ?? ""));
}

/** The steps a side may take now (the clinic is the performer, the partner the requester). */
export function backActions(party: Party, status: string): Transition[] {
  return actionsFor(party, status, INCOMING_TRANSITIONS);
}

/**
 * May the clinic match (or note registration for) the client now? Accepted or under way, not
 * matched yet, and only while the consent covers the clinic (without it, no identity to match).
 */
export function mayMatch(r: ReferralBack): boolean {
  return (
    (r.status === "accepted" || r.status === "in-progress") &&
    !r.matchedPatient &&
    r.consent === "active"
  );
}

/** A Patient the EHR found for a name and birth date, as the match list shows it. */
export interface PatientCandidate {
  id: string;
  name: string;
  birthDate?: string;
}

/** Only candidates born on the client's birth date (a search may match more loosely). */
export function sameBirthDate(
  candidates: readonly PatientCandidate[],
  birthDate: string | undefined,
): PatientCandidate[] {
  return birthDate ? candidates.filter((c) => c.birthDate === birthDate) : [];
}

// Partnership upkeep (issue 15): the partnership record kept on a partner's page — a point of
// contact on each side, the signed MOU, the meeting cadence, the onboarding checklist with the
// date each step was done, the cross-trainings held — its form and checks, and the reminders the
// workspace shows. Pure. FHIR (extensions on the PartnerAffiliation) ⇄ this model lives in
// src/fhir/partnership.ts and src/fhir/builders/partnership.ts.

/** The onboarding checklist from the seeds, in the order it is usually done. */
export const ONBOARDING_STEPS = [
  "internal-lead",
  "mou-privacy-review",
  "referral-flow-mapping",
  "tier-decided",
  "roles-documented",
  "staff-trained",
] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const CROSS_TRAINING_DIRECTIONS = ["clinic-at-program", "program-at-clinic"] as const;
export type CrossTrainingDirection = (typeof CROSS_TRAINING_DIRECTIONS)[number];

export const MEETING_CADENCES = [
  "monthly",
  "quarterly",
  "twice-yearly",
  "yearly",
  "as-needed",
] as const;
export type MeetingCadence = (typeof MEETING_CADENCES)[number];

export interface PointOfContact {
  name: string;
  phone?: string;
  email?: string;
}

export interface CrossTraining {
  /** YYYY-MM-DD */
  date: string;
  direction: CrossTrainingDirection;
  topic: string;
  attendees: number;
}

/** What the affiliation holds beyond tier, level and MOU dates (those are on Partner.affiliation). */
export interface Partnership {
  clinicContact?: PointOfContact;
  programContact?: PointOfContact;
  /** Link to the signed MOU in the clinic's document store. */
  mouDocument?: string;
  meetingCadence?: MeetingCadence;
  /** The steps done, with the date each was done (YYYY-MM-DD). */
  onboarding: Partial<Record<OnboardingStep, string>>;
  /** Newest first. */
  crossTrainings: CrossTraining[];
}

export function emptyPartnership(): Partnership {
  return { onboarding: {}, crossTrainings: [] };
}

export function isOnboardingStep(code: string | undefined): code is OnboardingStep {
  return (ONBOARDING_STEPS as readonly string[]).includes(code ?? "");
}
export function isDirection(code: string | undefined): code is CrossTrainingDirection {
  return (CROSS_TRAINING_DIRECTIONS as readonly string[]).includes(code ?? "");
}
export function isCadence(code: string | undefined): code is MeetingCadence {
  return (MEETING_CADENCES as readonly string[]).includes(code ?? "");
}

/** Newest first; ties keep their order. */
export function sortTrainings(list: readonly CrossTraining[]): CrossTraining[] {
  return [...list].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

// ---- the upkeep form -----------------------------------------------------------------------

export interface UpkeepForm {
  tier: string;
  collaboration: string;
  mouStart: string;
  mouEnd: string;
  mouReview: string;
  mouDocument: string;
  meetingCadence: string;
  clinicContactName: string;
  /** A phone number or an email address. */
  clinicContactReach: string;
  programContactName: string;
  programContactReach: string;
  /** Step → date done ("" = not done). */
  onboarding: Record<OnboardingStep, string>;
}

export interface CrossTrainingForm {
  date: string;
  direction: string;
  topic: string;
  attendees: string;
}

export type UpkeepError =
  "required" | "date" | "future" | "endBeforeStart" | "url" | "reach" | "nameNeeded" | "attendees";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{7,}$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today's calendar date where the user is, as YYYY-MM-DD. */
export function isoDay(today: Date): string {
  const y = today.getFullYear();
  const m = String(today.getMonth() + 1).padStart(2, "0");
  const d = String(today.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** Field path → error; empty when the form may be saved. Done dates may not be in the future. */
export function validateUpkeep(form: UpkeepForm, today: Date): Record<string, UpkeepError> {
  const errors: Record<string, UpkeepError> = {};
  const now = isoDay(today);
  for (const key of ["mouStart", "mouEnd", "mouReview"] as const)
    if (form[key] && !validDate(form[key])) errors[key] = "date";
  if (!errors.mouStart && !errors.mouEnd && form.mouStart && form.mouEnd)
    if (form.mouEnd < form.mouStart) errors.mouEnd = "endBeforeStart";
  if (form.mouDocument.trim() && !/^https?:\/\/\S+$/.test(form.mouDocument.trim()))
    errors.mouDocument = "url";
  for (const side of ["clinic", "program"] as const) {
    const name = form[`${side}ContactName`].trim();
    const reach = form[`${side}ContactReach`].trim();
    if (reach && !isEmail(reach) && !PHONE.test(reach)) errors[`${side}ContactReach`] = "reach";
    else if (reach && !name) errors[`${side}ContactName`] = "nameNeeded";
  }
  for (const step of ONBOARDING_STEPS) {
    const done = form.onboarding[step];
    if (!done) continue;
    if (!validDate(done)) errors[`onboarding.${step}`] = "date";
    else if (done > now) errors[`onboarding.${step}`] = "future";
  }
  return errors;
}

export function validateCrossTraining(
  form: CrossTrainingForm,
  today: Date,
): Record<string, UpkeepError> {
  const errors: Record<string, UpkeepError> = {};
  if (!form.date) errors.date = "required";
  else if (!validDate(form.date)) errors.date = "date";
  else if (form.date > isoDay(today)) errors.date = "future";
  if (!isDirection(form.direction)) errors.direction = "required";
  if (!form.topic.trim()) errors.topic = "required";
  const n = Number(form.attendees);
  if (!form.attendees.trim()) errors.attendees = "required";
  else if (!Number.isInteger(n) || n < 1 || n > 10_000) errors.attendees = "attendees";
  return errors;
}

export function trainingFromForm(form: CrossTrainingForm): CrossTraining {
  if (!isDirection(form.direction)) throw new Error("direction");
  return {
    date: form.date,
    direction: form.direction,
    topic: form.topic.trim(),
    attendees: Number(form.attendees),
  };
}

// ---- reminders -----------------------------------------------------------------------------

/** Days before the review date (or the MOU's end) from which a review is due. */
export const REVIEW_WINDOW_DAYS = 60;
/** A partnership with no cross-training for this long gets a reminder. */
export const CROSS_TRAINING_DAYS = 365;
/** A tier-2+ partner with no referral for this long gets a reminder. */
export const REFERRAL_QUIET_DAYS = 90;

export type ReminderKind =
  "mou-review-overdue" | "mou-review-due" | "no-cross-training" | "no-recent-referral";

export interface Reminder {
  partnerId: string;
  partnerName: string;
  kind: ReminderKind;
  /** The review date (MOU reminders), the last cross-training (if any). */
  date?: string;
  /** Days until the review (negative: overdue). */
  days?: number;
}

/** What the reminders need of one partner (from the directory's read model). */
export interface ReminderPartner {
  id: string;
  name: string;
  /** The partner is offered and the partnership is in force. */
  active: boolean;
  tier?: number;
  mouEnd?: string;
  mouReview?: string;
  crossTrainings: readonly { date: string }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** YYYY-MM-DD `days` before `today` (the `authored-on=ge…` of the referral count). */
export function daysBefore(today: Date, days: number): string {
  const t = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** The partners whose referrals must be counted: active, tier 2 or higher. */
export function needsReferralCount(partner: ReminderPartner): boolean {
  return partner.active && (partner.tier ?? 0) >= 2;
}

/**
 * The reminders, most urgent first (overdue reviews, due reviews, then the rest, by partner
 * name). `referrals` holds the count of referrals of the last 90 days per partner id; a partner
 * that is missing from it (the count failed) gets no referral reminder — the screen says the
 * check could not be made instead.
 */
export function partnershipReminders(
  partners: readonly ReminderPartner[],
  referrals: ReadonlyMap<string, number>,
  today: Date,
): Reminder[] {
  const now = dayNumber(isoDay(today)) ?? 0;
  const out: Reminder[] = [];
  for (const p of partners) {
    if (!p.active) continue;
    const base = { partnerId: p.id, partnerName: p.name };
    const reviewDate = p.mouReview ?? p.mouEnd;
    const review = reviewDate ? dayNumber(reviewDate) : undefined;
    if (reviewDate && review !== undefined) {
      const days = review - now;
      if (days < 0) out.push({ ...base, kind: "mou-review-overdue", date: reviewDate, days });
      else if (days <= REVIEW_WINDOW_DAYS)
        out.push({ ...base, kind: "mou-review-due", date: reviewDate, days });
    }
    const last = p.crossTrainings
      .map((t) => t.date)
      .filter((d) => dayNumber(d) !== undefined)
      .sort()
      .at(-1);
    const lastDay = last ? dayNumber(last) : undefined;
    if (lastDay === undefined || now - lastDay > CROSS_TRAINING_DAYS)
      out.push({ ...base, kind: "no-cross-training", ...(last ? { date: last } : {}) });
    if (needsReferralCount(p) && referrals.get(p.id) === 0)
      out.push({ ...base, kind: "no-recent-referral" });
  }
  const rank: Record<ReminderKind, number> = {
    "mou-review-overdue": 0,
    "mou-review-due": 1,
    "no-recent-referral": 2,
    "no-cross-training": 3,
  };
  return out.sort(
    (a, b) =>
      rank[a.kind] - rank[b.kind] ||
      a.partnerName.localeCompare(b.partnerName, "en", { sensitivity: "base" }),
  );
}

/**
 * After a conflict (412): the admin's entries on top of the latest version. A field the admin
 * did not change takes the colleague's value; one the admin changed keeps the admin's
 * (`clashes` names those the colleague changed too). Onboarding steps are compared one by one.
 */
export function mergeUpkeep(
  original: UpkeepForm,
  mine: UpkeepForm,
  theirs: UpkeepForm,
): { merged: UpkeepForm; clashes: string[] } {
  const merged: UpkeepForm = { ...theirs, onboarding: { ...theirs.onboarding } };
  const clashes: string[] = [];
  for (const key of Object.keys(mine) as (keyof UpkeepForm)[]) {
    if (key === "onboarding") continue;
    if (mine[key] !== original[key]) {
      merged[key] = mine[key];
      if (theirs[key] !== original[key] && theirs[key] !== mine[key]) clashes.push(key);
    }
  }
  for (const step of ONBOARDING_STEPS) {
    if (mine.onboarding[step] === original.onboarding[step]) continue;
    merged.onboarding[step] = mine.onboarding[step];
    if (
      theirs.onboarding[step] !== original.onboarding[step] &&
      theirs.onboarding[step] !== mine.onboarding[step]
    )
      clashes.push(`onboarding.${step}`);
  }
  return { merged, clashes };
}

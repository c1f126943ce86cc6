import type { Urgency } from "./journey";

// The clinic's referral worklist and the follow-up at the next visit (issue 11): the read
// model of an outgoing referral as the clinic tracks it, the follow-up date per urgency, what
// counts as overdue, the worklist's order and filters, the changes since the user last looked,
// and what the patient says at the next visit (recorded by the requester as a Task note).
// Built from FHIR in src/fhir/worklist.ts. Pure: no React, no FHIR JSON.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The follow-up settings of clinic-config.json (`followUp`), as plain numbers. */
export interface FollowUpPolicy {
  /** Days until the follow-up, for a routine referral when `byUrgency` is absent. */
  intervalDays: number;
  /** Days per urgency level: "connect now" follows up within days, not weeks. */
  byUrgency?: { now: number; soon: number; routine: number } | undefined;
  /** A referral nobody at the partner has answered (still requested) after this many days. */
  partnerAnswerDays?: number | undefined;
}

/** Without `byUrgency`: "connect now" in 2 days, "soon" in 7, routine after intervalDays. */
export const DEFAULT_FOLLOW_UP_DAYS = { now: 2, soon: 7 } as const;
/** Without `partnerAnswerDays`: no answer from the partner within 3 days is overdue. */
export const DEFAULT_PARTNER_ANSWER_DAYS = 3;

export function followUpDays(policy: FollowUpPolicy, urgency: Urgency): number {
  if (policy.byUrgency) return policy.byUrgency[urgency];
  if (urgency === "routine") return policy.intervalDays;
  return Math.min(DEFAULT_FOLLOW_UP_DAYS[urgency], policy.intervalDays);
}

/** FHIR priority → the urgency level it was written for (src/domain/journey.ts priorityFor). */
export function urgencyOfPriority(priority: string | undefined): Urgency {
  return priority === "asap" || priority === "stat"
    ? "now"
    : priority === "urgent"
      ? "soon"
      : "routine";
}

/** When the clinic follows up on a referral made at `authoredAt` with this urgency. */
export function followUpDue(policy: FollowUpPolicy, urgency: Urgency, authoredAt: Date): Date {
  return new Date(authoredAt.getTime() + followUpDays(policy, urgency) * DAY_MS);
}

// ---- what the patient says at the next visit ----------------------------------------------

/**
 * What the patient says when the provider asks how the referral went. Recorded by the clinic
 * (the requester) as a Task note — SDOHCC leaves status and output to the performer — whose
 * text is `patient-report:<code>`, language-neutral so each reader shows it in their own words.
 */
export const PATIENT_REPORTS = ["connected", "not-yet", "not-now", "another-program"] as const;
export type PatientReport = (typeof PATIENT_REPORTS)[number];

const REPORT_PREFIX = "patient-report:";

export function patientReportNote(report: PatientReport): string {
  return `${REPORT_PREFIX}${report}`;
}

/** The report a note's text records, or undefined for any other note. */
export function patientReportOf(text: string | undefined): PatientReport | undefined {
  if (!text?.startsWith(REPORT_PREFIX)) return undefined;
  const code = text.slice(REPORT_PREFIX.length);
  return (PATIENT_REPORTS as readonly string[]).includes(code)
    ? (code as PatientReport)
    : undefined;
}

// ---- the worklist's read model -------------------------------------------------------------

export interface WorklistReferral {
  taskId: string;
  /** The Task version shown (If-Match on every update). */
  version: string;
  serviceRequestId?: string;
  /** "Patient/<id>". */
  patient: string;
  /** Only when the user's role may see patient names. */
  patientName?: string;
  /** "Organization/<id>" of the partner (the Task's owner). */
  partner: string;
  partnerName?: string;
  /** "Practitioner/<id>" (or PractitionerRole) who made the referral. */
  requester: string;
  requesterName?: string;
  status: string;
  businessStatus?: string;
  statusReason?: string;
  priority: string;
  authoredOn?: string;
  /** The Task's restriction period end (or computed from the policy when absent). */
  followUpDue?: string;
  /** When the Task last changed on the server. */
  lastUpdated?: string;
  /** Who made the last change (the last note's author), and whether it was the partner. */
  lastChangedBy?: string;
  lastChangedByReference?: string;
  /** The latest thing the patient said at a visit, and when it was recorded. */
  patientReport?: { report: PatientReport; time?: string; by?: string };
}

const OPEN_STATUSES = ["requested", "accepted", "in-progress", "on-hold"];
const CLOSED_STATUSES = ["rejected", "cancelled", "failed", "completed"];

export function isOpen(r: Pick<WorklistReferral, "status">): boolean {
  return OPEN_STATUSES.includes(r.status);
}

/** The partner says it connected, or the patient did. */
export function isConnected(
  r: Pick<WorklistReferral, "businessStatus" | "patientReport">,
): boolean {
  return r.businessStatus === "fulfillment-completed" || r.patientReport?.report === "connected";
}

export type OverdueReason = "follow-up-passed" | "no-partner-answer";

/**
 * Why an open referral is overdue: its follow-up date passed and it has not connected, or the
 * partner has not answered (still requested) within the clinic's days. Closed referrals never are.
 */
export function overdueReasons(
  r: WorklistReferral,
  policy: FollowUpPolicy,
  now: Date,
): OverdueReason[] {
  return overdueAt(r, now.toISOString(), answerCutoff(policy, now));
}

/** The latest authoredOn that is still within the partner's days to answer. */
function answerCutoff(policy: FollowUpPolicy, now: Date): string {
  const days = policy.partnerAnswerDays ?? DEFAULT_PARTNER_ANSWER_DAYS;
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

// Dates are compared as ISO strings: src/fhir/worklist.ts writes them all in UTC
// (toISOString), so string order is time order and no date is parsed per row.
function overdueAt(r: WorklistReferral, nowIso: string, cutoffIso: string): OverdueReason[] {
  if (!isOpen(r)) return NONE;
  const passed = !!r.followUpDue && r.followUpDue < nowIso && !isConnected(r);
  const silent = r.status === "requested" && !!r.authoredOn && r.authoredOn < cutoffIso;
  return passed && silent ? BOTH : passed ? PASSED : silent ? SILENT : NONE;
}

const NONE: OverdueReason[] = [];
const PASSED: OverdueReason[] = ["follow-up-passed"];
const SILENT: OverdueReason[] = ["no-partner-answer"];
const BOTH: OverdueReason[] = ["follow-up-passed", "no-partner-answer"];

export interface WorklistRow extends WorklistReferral {
  overdue: OverdueReason[];
}

const PRIORITY_RANK: Record<string, number> = { stat: 0, asap: 1, urgent: 2, routine: 3 };

/** ISO date-times compare as strings; `<` is many times faster than localeCompare. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Overdue first (the longest overdue first), then open by follow-up date (soonest first), then
 * closed (most recently changed first); the same date goes by urgency.
 */
export function sortWorklist(rows: readonly WorklistRow[]): WorklistRow[] {
  // Keys computed once per row (decorate, sort, undecorate): 1,000 rows sort within a frame.
  const keyed = rows.map((r) => {
    const group = r.overdue.length ? 0 : isOpen(r) ? 1 : 2;
    // Overdue only for the partner's silence: due since authoredOn + N days, earlier than any
    // follow-up date of the same referral; such rows go by when they were sent.
    const due =
      group === 2
        ? (r.lastUpdated ?? "")
        : r.overdue.length && !r.overdue.includes("follow-up-passed")
          ? (r.authoredOn ?? "~")
          : (r.followUpDue ?? "~");
    return { r, group, due, rank: PRIORITY_RANK[r.priority] ?? 3 };
  });
  keyed.sort(
    (a, b) =>
      a.group - b.group ||
      // Closed: the most recently changed first.
      (a.group === 2 ? cmp(b.due, a.due) : cmp(a.due, b.due) || a.rank - b.rank),
  );
  return keyed.map((k) => k.r);
}

/** Computes the overdue reasons of every referral and sorts them. */
export function worklistRows(
  referrals: readonly WorklistReferral[],
  policy: FollowUpPolicy,
  now: Date,
): WorklistRow[] {
  const nowIso = now.toISOString();
  const cutoff = answerCutoff(policy, now);
  return sortWorklist(referrals.map((r) => ({ ...r, overdue: overdueAt(r, nowIso, cutoff) })));
}

/** "open" and "closed" are groups of statuses; any other value is one Task status. */
export type StatusFilter = "open" | "closed" | "overdue" | "all" | string;

export interface WorklistFilter {
  status: StatusFilter;
  /** "Organization/<id>", or "" for every partner. */
  partner: string;
  /** The referring staff member ("Practitioner/<id>"), or "" for everyone. */
  staff: string;
  /** "Patient/<id>" (the chart's worklist tab), or "" for every patient. */
  patient: string;
}

export const ALL_OPEN: WorklistFilter = { status: "open", partner: "", staff: "", patient: "" };

export function filterWorklist(rows: readonly WorklistRow[], f: WorklistFilter): WorklistRow[] {
  return rows.filter((r) => {
    if (f.patient && r.patient !== f.patient) return false;
    if (f.partner && r.partner !== f.partner) return false;
    if (f.staff && r.requester !== f.staff) return false;
    switch (f.status) {
      case "all":
        return true;
      case "open":
        return isOpen(r);
      case "closed":
        return CLOSED_STATUSES.includes(r.status);
      case "overdue":
        return r.overdue.length > 0;
      default:
        return r.status === f.status;
    }
  });
}

/** The choices of a filter: each distinct value with its name, sorted by name. */
export function facet(
  rows: readonly WorklistReferral[],
  key: "partner" | "requester",
): { value: string; label: string }[] {
  const names = new Map<string, string>();
  for (const r of rows) {
    const value = r[key];
    if (!value || names.has(value)) continue;
    names.set(value, (key === "partner" ? r.partnerName : r.requesterName) ?? value);
  }
  return [...names]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Task id → the version the user saw on the last look (in memory only). */
export type SeenVersions = ReadonlyMap<string, string>;

/**
 * The referrals that changed since the user last looked. On the first look of this session
 * (no `seen`) those changed by someone else within the last day; afterwards those whose
 * version moved or that are new.
 */
export function changedSince(
  referrals: readonly WorklistReferral[],
  seen: SeenVersions | null,
  now: Date,
  self: string,
): Set<string> {
  return new Set(
    referrals
      .filter((r) => {
        if (seen) return seen.get(r.taskId) !== r.version;
        if (r.lastChangedByReference === self) return false;
        return !!r.lastUpdated && Date.parse(r.lastUpdated) > now.getTime() - DAY_MS;
      })
      .map((r) => r.taskId),
  );
}

/** Whether a chart's follow-up prompt should open: an open referral or one closed recently. */
export const RECENTLY_CLOSED_DAYS = 30;

export function followUpCandidates(
  referrals: readonly WorklistReferral[],
  now: Date,
): WorklistReferral[] {
  return referrals
    .filter(
      (r) =>
        isOpen(r) ||
        (!!r.lastUpdated &&
          Date.parse(r.lastUpdated) > now.getTime() - RECENTLY_CLOSED_DAYS * DAY_MS),
    )
    .sort((a, b) => cmp(b.authoredOn ?? "", a.authoredOn ?? ""));
}

// The referral Task's lifecycle, in one place (docs/ARCHITECTURE.md, "The Task lifecycle"):
// the SDOHCC TaskForReferralManagement transitions, who may make each (the requester — the
// clinic — or the performer — the partner program that owns the Task), the reason each needs
// and the BSeR-like business status (wr-referral-outcome) that goes with it. Pure data and
// functions: the advocate's inbox offers only these actions, the FHIR builder writes them,
// and the sandbox refuses any other change.
//
// SDOHCC: the requester creates the Task (requested) and may cancel it; the performer accepts
// or rejects it, starts, pauses, completes it or says it failed. `ready` and `received` are
// not used (SDOHCC-ValueSetReferralTaskStatus); entered-in-error is allowed (a record made by
// mistake: readers hide it). statusReason is required for rejected, cancelled, on-hold and
// failed (invariant wr-task-2), always with text (SDOHCC). The business status names below are
// written as BSeR TaskBusinessStatusCS codes (src/fhir/businessStatus.ts).

export const TASK_STATUSES = [
  "draft",
  "requested",
  "accepted",
  "rejected",
  "cancelled",
  "in-progress",
  "on-hold",
  "failed",
  "completed",
  "entered-in-error",
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses after which nothing changes. */
export const TERMINAL_STATUSES: readonly TaskStatus[] = [
  "rejected",
  "cancelled",
  "failed",
  "completed",
  "entered-in-error",
];

export type Party = "requester" | "performer";

/** Business status codes (CodeSystem wr-referral-outcome). */
export const BUSINESS_STATUSES = [
  "created",
  "accepted",
  "declined",
  "first-contact",
  "on-hold",
  "could-not-reach",
  "fulfillment-completed",
  "declined-services",
  "referred-elsewhere",
  "fulfillment-cancelled",
  // Referrals back (partner → clinic): BSeR's Event Scheduled, and the offer before it.
  "appointment-offered",
  "scheduled",
] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

/** Status reason codes (CodeSystem wr-referral-status-reason). */
export const STATUS_REASONS = [
  "could-not-contact",
  "no-capacity",
  "not-eligible",
  "no-longer-interested",
  "got-help",
  "referred-elsewhere",
  "unsafe-to-contact",
  "consent-expired",
  "consent-withdrawn",
] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

export const TASK_ACTIONS = [
  "send",
  "accept",
  "decline",
  "first-contact",
  "hold",
  "could-not-reach",
  "complete-connected",
  "complete-declined-services",
  "complete-referred-elsewhere",
  "cancel",
  // Referrals back (INCOMING_TRANSITIONS).
  "offer-appointment",
  "book-appointment",
  "complete-seen",
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface Transition {
  action: TaskAction;
  by: Party;
  from: readonly TaskStatus[];
  to: TaskStatus;
  businessStatus: BusinessStatus;
  /**
   * The statusReason: "none" (none is written), "fixed" (always `codes[0]`), or "choose" (one of
   * `codes`, picked by the user). `text` says whether free text must go with it.
   */
  reason:
    | { kind: "none" }
    | { kind: "fixed"; codes: readonly [StatusReason]; text: "required" | "optional" }
    | { kind: "choose"; codes: readonly StatusReason[]; text: "required" | "optional" };
  /** Whether Task.output (what was provided) may be written with this action. */
  output: boolean;
}

const OPEN: readonly TaskStatus[] = ["requested", "accepted", "in-progress", "on-hold"];

/** Every allowed transition. Anything not here is refused. */
export const TRANSITIONS: readonly Transition[] = [
  {
    action: "send",
    by: "requester",
    from: ["draft"],
    to: "requested",
    businessStatus: "created",
    reason: { kind: "none" },
    output: false,
  },
  {
    action: "accept",
    by: "performer",
    from: ["requested"],
    to: "accepted",
    businessStatus: "accepted",
    reason: { kind: "none" },
    output: false,
  },
  {
    action: "decline",
    by: "performer",
    from: ["requested"],
    to: "rejected",
    businessStatus: "declined",
    reason: {
      kind: "choose",
      codes: ["no-capacity", "not-eligible", "unsafe-to-contact", "referred-elsewhere"],
      text: "required",
    },
    output: false,
  },
  {
    action: "first-contact",
    by: "performer",
    from: ["accepted", "on-hold"],
    to: "in-progress",
    businessStatus: "first-contact",
    reason: { kind: "none" },
    output: false,
  },
  {
    action: "hold",
    by: "performer",
    from: ["accepted", "in-progress"],
    to: "on-hold",
    businessStatus: "on-hold",
    reason: {
      kind: "choose",
      codes: ["unsafe-to-contact", "could-not-contact", "no-longer-interested"],
      text: "optional",
    },
    output: false,
  },
  {
    action: "could-not-reach",
    by: "performer",
    from: ["accepted", "in-progress", "on-hold"],
    to: "failed",
    businessStatus: "could-not-reach",
    reason: { kind: "fixed", codes: ["could-not-contact"], text: "optional" },
    output: false,
  },
  {
    action: "complete-connected",
    by: "performer",
    from: ["accepted", "in-progress", "on-hold"],
    to: "completed",
    businessStatus: "fulfillment-completed",
    reason: { kind: "none" },
    output: true,
  },
  {
    action: "complete-declined-services",
    by: "performer",
    from: ["accepted", "in-progress", "on-hold"],
    to: "completed",
    businessStatus: "declined-services",
    reason: { kind: "fixed", codes: ["no-longer-interested"], text: "optional" },
    output: true,
  },
  {
    action: "complete-referred-elsewhere",
    by: "performer",
    from: ["accepted", "in-progress", "on-hold"],
    to: "completed",
    businessStatus: "referred-elsewhere",
    reason: { kind: "fixed", codes: ["referred-elsewhere"], text: "optional" },
    output: true,
  },
  {
    action: "cancel",
    by: "requester",
    from: OPEN,
    to: "cancelled",
    businessStatus: "fulfillment-cancelled",
    reason: {
      kind: "choose",
      codes: ["consent-withdrawn", "consent-expired", "no-longer-interested", "got-help"],
      text: "optional",
    },
    output: false,
  },
];

/**
 * A referral back (partner → clinic): the same SDOHCC table with the parties swapped — the
 * partner program is the requester (sends, may cancel), the clinic the performer (accepts or
 * declines, offers and books the appointment, completes). Business statuses follow BSeR
 * (created 2.0, accepted 3.0, declined 4.0, scheduled 5.1.1, fulfillment-completed 7.0,
 * fulfillment-cancelled 6.0); "appointment-offered" is ours (BSeR has no offer step).
 */
export const INCOMING_TRANSITIONS: readonly Transition[] = [
  transitionIn("send"),
  transitionIn("accept"),
  {
    action: "decline",
    by: "performer",
    from: ["requested"],
    to: "rejected",
    businessStatus: "declined",
    reason: {
      kind: "choose",
      codes: ["no-capacity", "not-eligible", "referred-elsewhere"],
      text: "required",
    },
    output: false,
  },
  {
    action: "offer-appointment",
    by: "performer",
    from: ["accepted", "in-progress"],
    to: "in-progress",
    businessStatus: "appointment-offered",
    reason: { kind: "none" },
    output: false,
  },
  {
    action: "book-appointment",
    by: "performer",
    from: ["accepted", "in-progress"],
    to: "in-progress",
    businessStatus: "scheduled",
    reason: { kind: "none" },
    output: false,
  },
  {
    action: "could-not-reach",
    by: "performer",
    from: ["accepted", "in-progress"],
    to: "failed",
    businessStatus: "could-not-reach",
    reason: { kind: "fixed", codes: ["could-not-contact"], text: "optional" },
    output: false,
  },
  {
    action: "complete-seen",
    by: "performer",
    from: ["in-progress"],
    to: "completed",
    businessStatus: "fulfillment-completed",
    reason: { kind: "none" },
    output: false,
  },
  {
    action: "cancel",
    by: "requester",
    from: OPEN,
    to: "cancelled",
    businessStatus: "fulfillment-cancelled",
    reason: {
      kind: "choose",
      codes: ["consent-withdrawn", "no-longer-interested", "got-help"],
      text: "optional",
    },
    output: false,
  },
];

function transitionIn(action: TaskAction): Transition {
  return TRANSITIONS.find((x) => x.action === action) as Transition;
}

/** The transition table of a referral's direction. */
export function transitionsOf(direction: "outgoing" | "incoming"): readonly Transition[] {
  return direction === "incoming" ? INCOMING_TRANSITIONS : TRANSITIONS;
}

export function transitionOf(
  action: TaskAction,
  table: readonly Transition[] = TRANSITIONS,
): Transition {
  const t = table.find((x) => x.action === action);
  if (!t) throw new Error(`unknown task action ${action}`);
  return t;
}

export function isTaskStatus(value: string | undefined): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value ?? "");
}

/** The actions a party may take on a Task in this status, in TRANSITIONS order. */
export function actionsFor(
  party: Party,
  status: string | undefined,
  table: readonly Transition[] = TRANSITIONS,
): Transition[] {
  return table.filter((t) => t.by === party && t.from.some((s) => s === status));
}

/** What a proposed change says: the new status, business status and reason. */
export interface ProposedChange {
  from: string | undefined;
  to: string | undefined;
  businessStatus?: string | undefined;
  reasonCode?: string | undefined;
  reasonText?: string | undefined;
}

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | {
      ok: false;
      problem:
        | "terminal"
        | "not-a-transition"
        | "wrong-party"
        | "reason-missing"
        | "reason-not-allowed"
        | "reason-text-missing";
      message: string;
    };

/**
 * Is this change one the party may make? Matches on (from, to, business status); the reason
 * must be one the transition allows, with text when required. Used by the sandbox to refuse
 * writes and by the app to check before it sends.
 */
export function checkTransition(
  party: Party,
  change: ProposedChange,
  table: readonly Transition[] = TRANSITIONS,
): TransitionCheck {
  const from = change.from;
  if (from && (TERMINAL_STATUSES as readonly string[]).includes(from)) {
    return {
      ok: false,
      problem: "terminal",
      message: `A Task that is ${from} cannot change any more`,
    };
  }
  const candidates = table.filter((t) => t.to === change.to && t.from.some((s) => s === from));
  const exact = candidates.filter((t) => t.businessStatus === change.businessStatus);
  if (exact.length === 0) {
    return {
      ok: false,
      problem: "not-a-transition",
      message: `${from ?? "(none)"} → ${change.to ?? "(none)"} with business status ${change.businessStatus ?? "(none)"} is not a referral Task transition`,
    };
  }
  const transition = exact.find((t) => t.by === party);
  if (!transition) {
    const other = exact[0] as Transition;
    return {
      ok: false,
      problem: "wrong-party",
      message: `Only the ${other.by} may ${other.action} (${from ?? "(none)"} → ${other.to}); this user is the ${party}`,
    };
  }
  const reason = transition.reason;
  if (reason.kind === "none") return { ok: true, transition };
  if (!change.reasonCode) {
    return {
      ok: false,
      problem: "reason-missing",
      message: `${transition.action} needs a statusReason (${reason.codes.join(", ")})`,
    };
  }
  if (!reason.codes.some((c) => c === change.reasonCode)) {
    return {
      ok: false,
      problem: "reason-not-allowed",
      message: `${transition.action} takes a statusReason of ${reason.codes.join(", ")}, not ${change.reasonCode}`,
    };
  }
  if (reason.text === "required" && !change.reasonText?.trim()) {
    return {
      ok: false,
      problem: "reason-text-missing",
      message: `${transition.action} needs the reason in words (statusReason.text)`,
    };
  }
  return { ok: true, transition };
}

/**
 * The Task elements the performer may change. Everything else (focus, for, owner, requester,
 * restriction, identifiers, labels, priority, …) is the requester's and must stay as it is.
 */
export const PERFORMER_ELEMENTS: readonly string[] = [
  "status",
  "businessStatus",
  "statusReason",
  "output",
  "lastModified",
  "note",
  // When the performer worked on it: start at first contact, end when the Task ends.
  "executionPeriod",
];

/**
 * On a referral back, what the clinic (the performer) may change: the performer's elements,
 * and `for` and `contained` to match the client to the clinic's Patient (the contained,
 * unmatched client goes once matched).
 */
export const INCOMING_PERFORMER_ELEMENTS: readonly string[] = [
  ...PERFORMER_ELEMENTS,
  "for",
  "contained",
];

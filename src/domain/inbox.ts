import type { SafeContact } from "./journey";
import type { PatientReport } from "./worklist";

// The read model of a partner program's inbox: the referrals whose Task the program owns.
// Built from FHIR in src/fhir/partnerInbox.ts. The details are there only while the patient's
// consent covers this program; otherwise only that it was withdrawn (or expired).

export type ConsentState = "active" | "withdrawn" | "expired" | "unavailable";

export interface InboxDetails {
  firstName?: string;
  age?: number;
  /** BCP 47 base code of the preferred language. */
  language?: string;
  safeContact: SafeContact;
  handoff?: string;
  /** DSV service codes asked for. */
  services: string[];
}

export interface InboxReferral {
  taskId: string;
  /** The Task version the user sees (If-Match on every update). */
  version: string;
  status: string;
  businessStatus?: string;
  statusReason?: { code?: string; text?: string };
  priority: "routine" | "urgent" | "asap" | "stat";
  authoredOn?: string;
  /** When the Task last changed on the server (meta.lastUpdated). */
  lastUpdated?: string;
  /** The name of whoever made the last change, when the Task says. */
  lastChangedBy?: string;
  consent: ConsentState;
  /** Present only while the consent is active. */
  details?: InboxDetails;
  outputs: string[];
  /**
   * What the patient told the clinic at a later visit (the clinic's Task note), shown while the
   * consent is active.
   */
  patientReport?: { report: PatientReport; time?: string };
}

/** One inbox load: the referrals, and how many records the server sent that could not be read. */
export interface InboxRead {
  referrals: InboxReferral[];
  unreadable: number;
}

const PRIORITY_RANK: Record<InboxReferral["priority"], number> = {
  stat: 0,
  asap: 1,
  urgent: 2,
  routine: 3,
};

/** Most urgent first; within the same urgency, newest first. */
export function sortInbox(referrals: readonly InboxReferral[]): InboxReferral[] {
  return [...referrals].sort(
    (a, b) =>
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      (b.authoredOn ?? "").localeCompare(a.authoredOn ?? ""),
  );
}

/**
 * The referrals that are new since the last visit: on the first visit of this session every
 * referral nobody has answered yet (requested); afterwards those not seen before.
 */
export function newSince(
  referrals: readonly InboxReferral[],
  seen: ReadonlySet<string> | null,
): Set<string> {
  return new Set(
    referrals
      .filter((r) => (seen ? !seen.has(r.taskId) : r.status === "requested"))
      .map((r) => r.taskId),
  );
}

/** The filter of the inbox list: open (needs work), finished, or everything. */
export type InboxFilter = "open" | "closed" | "all";

const CLOSED = ["rejected", "cancelled", "failed", "completed"];

export function filterInbox(
  referrals: readonly InboxReferral[],
  filter: InboxFilter,
  query = "",
): InboxReferral[] {
  const q = query.trim().toLowerCase();
  return referrals.filter((r) => {
    const closed = CLOSED.includes(r.status);
    if (filter === "open" && closed) return false;
    if (filter === "closed" && !closed) return false;
    if (!q) return true;
    return (
      (r.details?.firstName ?? "").toLowerCase().includes(q) ||
      (r.details?.services ?? []).some((s) => s.includes(q))
    );
  });
}

/** May anyone call this patient? Never when the patient asked for no contact. */
export function mayCall(details: InboxDetails | undefined): boolean {
  return !!details && !details.safeContact.noContact && !!details.safeContact.safePhone;
}

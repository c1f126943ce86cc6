// What a partner program's user can read on the clinic's server, against what they should
// (docs/ARCHITECTURE.md, invariant 10): the Tasks their program owns or requested, the
// referrals and consents of those Tasks, and the patients those referrals are for — nothing of
// the clinic's clinical record. Counted, never read: the diagnostics probe (src/fhir/partnerReach.ts)
// asks the server for totals only.

/** A search's total, or `refused` when the server said no (403/404): both are fine here. */
export type ReachCount = number | "refused";

export interface PartnerReachCounts {
  /** Tasks the program owns (referrals to it) and requested (its referrals back). */
  ownTasks: number;
  requestedTasks: number;
  /** Everything of each type the user can count. */
  visible: {
    Task: ReachCount;
    ServiceRequest: ReachCount;
    Consent: ReachCount;
    Patient: ReachCount;
  };
  /** Types a partner user should never read. */
  clinical: Record<(typeof CLINICAL_TYPES)[number], ReachCount>;
}

/** Parts of the clinic's record a partner program has no reason to read. */
export const CLINICAL_TYPES = [
  "Procedure",
  "Encounter",
  "Condition",
  "Observation",
  "DocumentReference",
] as const;

export interface ReachFinding {
  type: string;
  /** How many the user can count, and the most they should. */
  visible: number;
  expectedAtMost: number;
}

/**
 * What the user can count beyond what the policy allows. Each referral has one Task, one
 * ServiceRequest and one Consent, and is for one patient; so none of those may outnumber the
 * program's Tasks (its referrals back carry their client inside the Task: no Patient).
 */
export function reachBeyondPolicy(counts: PartnerReachCounts): ReachFinding[] {
  const tasks = counts.ownTasks + counts.requestedTasks;
  const limits: [string, ReachCount, number][] = [
    ["Task", counts.visible.Task, tasks],
    ["ServiceRequest", counts.visible.ServiceRequest, tasks],
    ["Consent", counts.visible.Consent, tasks],
    ["Patient", counts.visible.Patient, counts.ownTasks],
    ...CLINICAL_TYPES.map((type): [string, ReachCount, number] => [type, counts.clinical[type], 0]),
  ];
  return limits.flatMap(([type, visible, expectedAtMost]) =>
    visible !== "refused" && visible > expectedAtMost ? [{ type, visible, expectedAtMost }] : [],
  );
}

// The one query-key factory. Every patient-scoped key starts with the patient id, so data of
// one patient can never answer a query for another.

export const queryKeys = {
  patient: (patientId: string) => ["patient", patientId] as const,
  user: (fhirUser: string) => ["user", fhirUser] as const,
  /** The clinic's partner directory (not patient-scoped): one cache entry, read by every screen. */
  partners: () => ["partners"] as const,
  /** The directory narrowed on the server by participation tier / collaboration level. */
  partnersNarrowed: (tier: string, collaboration: string) =>
    ["partners", "narrowed", tier, collaboration] as const,
  /** One partner, fresh from the server for editing (its versions feed If-Match). */
  partner: (partnerId: string) => ["partners", "one", partnerId] as const,
  /** Partnership reminders: referral counts (`_summary=count`) per tier-2+ partner since a day. */
  partnershipReferrals: (since: string, partnerIds: readonly string[]) =>
    ["partnership-referrals", since, ...partnerIds] as const,
  /** A partner program's inbox (its Tasks), and the poll for changes since a time. */
  partnerInbox: (organization: string) => ["partner-inbox", organization] as const,
  partnerInboxChanges: (organization: string, since: string) =>
    ["partner-inbox", organization, "changes", since] as const,
  /** Referrals back (partner → clinic): those a program sent, and the clinic's incoming worklist. */
  referralsBackSent: (organization: string) => ["referrals-back", "sent", organization] as const,
  referralsBackIncoming: (organization: string) =>
    ["referrals-back", "incoming", organization] as const,
  /** The clinic's match search (name and birth date) for one referral back. */
  patientMatch: (taskId: string, family: string, given: string, birthDate: string) =>
    ["referrals-back", "match", taskId, family, given, birthDate] as const,
  /** The clinic's referral worklist (names only for roles that may see them), and its poll. */
  worklist: (withNames: boolean) => ["worklist", withNames ? "names" : "no-names"] as const,
  worklistChanges: (since: string) => ["worklist", "changes", since] as const,
  /** One patient's referrals in the worklist shape (the chart's tab and the follow-up prompt). */
  patientWorklist: (patientId: string) => ["patient", patientId, "worklist"] as const,
  patientWorklistChanges: (patientId: string, since: string) =>
    ["patient", patientId, "worklist", "changes", since] as const,
  /** The de-identified report for a period (no patient data; `run` reads it again). */
  report: (from: string, to: string, run: number) => ["report", from, to, run] as const,
  /** What the server can count for the report's breakdowns (its CapabilityStatement). */
  reportSupport: () => ["report", "support"] as const,
  /** The report's breakdown counts (one batch Bundle) for a period. */
  reportBreakdowns: (from: string, to: string, run: number) =>
    ["report", from, to, run, "breakdowns"] as const,
  /** The patient's education and referral records (history). */
  history: (patientId: string) => ["patient", patientId, "history"] as const,
  /** The visit in context (setting: in person or telehealth). */
  encounter: (patientId: string, encounterId: string) =>
    ["patient", patientId, "encounter", encounterId] as const,
};

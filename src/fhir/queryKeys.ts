// The one query-key factory. Every patient-scoped key starts with the patient id, so data of
// one patient can never answer a query for another.

export const queryKeys = {
  patient: (patientId: string) => ["patient", patientId] as const,
  user: (fhirUser: string) => ["user", fhirUser] as const,
  /** The clinic's partner directory (not patient-scoped). */
  partners: () => ["partners"] as const,
  /** The patient's education and referral records (history). */
  history: (patientId: string) => ["patient", patientId, "history"] as const,
  /** The visit in context (setting: in person or telehealth). */
  encounter: (patientId: string, encounterId: string) =>
    ["patient", patientId, "encounter", encounterId] as const,
};

// The one query-key factory. Every patient-scoped key starts with the patient id, so data of
// one patient can never answer a query for another.

export const queryKeys = {
  patient: (patientId: string) => ["patient", patientId] as const,
  user: (fhirUser: string) => ["user", fhirUser] as const,
};

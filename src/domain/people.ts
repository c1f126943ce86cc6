import type { RoleCoding } from "./roles";

// Read models of the people a session is about: the patient in context and the signed-in
// staff member. Built from FHIR in src/fhir/mappers.ts; the UI only ever sees these.

export interface PatientSummary {
  id: string;
  name: string;
  birthDate?: string;
  gender?: string;
  /** BCP 47 base code of the preferred (or first) communication language, e.g. "es". */
  language?: string;
}

export interface UserSummary {
  /** The launch's fhirUser, e.g. "Practitioner/prov-rivera" or "PractitionerRole/ma-chen-role". */
  reference: string;
  /** Undefined when the EHR would not let us read the user's name. */
  name?: string;
  /** Codes of the user's PractitionerRole(s) (PractitionerRole.code). */
  roleCodes: RoleCoding[];
  /** Organizations of those PractitionerRoles ("Organization/<id>"): a partner advocate's program. */
  organizations: string[];
}

/** Age in whole years on `today` (YYYY-MM-DD dates). */
export function ageOn(birthDate: string, today: Date): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}

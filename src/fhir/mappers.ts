import type { CodeableConcept, HumanName, PatientJson, UserJson } from "./schemas";

// FHIR JSON → domain types. The UI only ever sees these.

export interface PatientSummary {
  id: string;
  name: string;
  birthDate?: string;
  gender?: string;
  /** BCP 47 base code of the preferred (or first) communication language, e.g. "es". */
  language?: string;
}

export interface UserSummary {
  reference: string;
  name: string;
  /** Role codes from PractitionerRole.code (codes and displays, lower-cased). */
  roles: string[];
}

export function formatName(names: HumanName[] | undefined): string {
  const name =
    names?.find((n) => n.use === "official") ?? names?.find((n) => n.use !== "old") ?? names?.[0];
  if (!name) return "(no name)";
  if (name.text) return name.text;
  return [...(name.given ?? []), name.family].filter(Boolean).join(" ") || "(no name)";
}

export function toPatientSummary(patient: PatientJson): PatientSummary {
  const communication =
    patient.communication?.find((c) => c.preferred) ?? patient.communication?.[0];
  const language = languageCode(communication?.language);
  return {
    id: patient.id,
    name: formatName(patient.name),
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    ...(patient.gender ? { gender: patient.gender } : {}),
    ...(language ? { language } : {}),
  };
}

function languageCode(concept: CodeableConcept | undefined): string | undefined {
  const code = concept?.coding?.find((c) => c.code)?.code;
  return code ? code.toLowerCase().split("-")[0] : undefined;
}

export function toUserSummary(user: UserJson, practitionerName?: string): UserSummary {
  const reference = `${user.resourceType}/${user.id}`;
  if (user.resourceType === "PractitionerRole") {
    return {
      reference,
      name: practitionerName ?? user.practitioner?.display ?? "(unknown user)",
      roles: (user.code ?? [])
        .flatMap((c) => [
          ...(c.coding ?? []).flatMap((coding) => [coding.code, coding.display]),
          c.text,
        ])
        .filter((s): s is string => Boolean(s))
        .map((s) => s.toLowerCase()),
    };
  }
  return { reference, name: formatName(user.name), roles: [] };
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

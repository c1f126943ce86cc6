import type { PatientSummary, UserSummary } from "../domain/people";
import type { CodeableConcept, HumanName, PatientJson, PractitionerRoleJson } from "./schemas";

// FHIR JSON → domain types. The UI only ever sees these.

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

/**
 * The signed-in staff member: `reference` is the launch's fhirUser, `name` what we could read,
 * `roles` the user's active PractitionerRoles (the fhirUser itself when it is one).
 */
export function toUserSummary(
  reference: string,
  name: string | undefined,
  roles: readonly PractitionerRoleJson[],
): UserSummary {
  const active = roles.filter((r) => r.active !== false);
  return {
    reference,
    ...(name ? { name } : {}),
    roleCodes: active.flatMap((r) =>
      (r.code ?? []).flatMap((c) =>
        (c.coding ?? []).map((coding) => ({ system: coding.system, code: coding.code })),
      ),
    ),
    organizations: [
      ...new Set(
        active
          .map((r) => r.organization?.reference)
          .filter(
            (ref): ref is string => typeof ref === "string" && ref.startsWith("Organization/"),
          ),
      ),
    ],
  };
}

import type { PatientSummary } from "../domain/people";
import type { UiStrings } from "../content/ui";

/** Our own compact banner, shown only when the EHR does not show one around the app. */
export function PatientBanner({ patient, t }: { patient: PatientSummary; t: UiStrings }) {
  return (
    <section className="patient-banner" aria-label={t.patientBanner}>
      <strong data-testid="patient-name">{patient.name}</strong>
      {patient.birthDate && (
        <span>
          {t.born} {patient.birthDate}
        </span>
      )}
      {patient.gender && <span>{patient.gender}</span>}
    </section>
  );
}

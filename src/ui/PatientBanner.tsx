import type { PatientSummary } from "../domain/people";
import { UI } from "../content/ui";
import { useText } from "./staffLanguage";

/** Our own compact banner, shown only when the EHR does not show one around the app. */
export function PatientBanner({ patient }: { patient: PatientSummary }) {
  const t = useText(UI);
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

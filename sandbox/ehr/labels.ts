// Human-readable labels for the simulated EHR's pickers and chart header. Synthetic data only.
import type { Encounter, HumanName, Patient, Resource } from "fhir/r4";

export function humanName(names: HumanName[] | undefined): string {
  const n = names?.find((x) => x.use === "official") ?? names?.[0];
  if (!n) return "(no name)";
  if (n.text) return n.text;
  return [...(n.given ?? []), n.family ?? ""].join(" ").trim() || "(no name)";
}

export function patientLabel(p: Patient): string {
  const dob = p.birthDate ? `, born ${p.birthDate}` : "";
  return `${humanName(p.name)}${dob}`;
}

export function encounterLabel(e: Encounter): string {
  const cls = e.class?.display ?? e.class?.code ?? "";
  const type = e.type?.[0]?.text ?? e.type?.[0]?.coding?.[0]?.display ?? "";
  const when = e.period?.start ? e.period.start.slice(0, 10) : "";
  return [when, type || cls, e.status].filter(Boolean).join(" · ") || e.id || "encounter";
}

export function isPatient(r: Resource): r is Patient {
  return r.resourceType === "Patient";
}

export function isEncounter(r: Resource): r is Encounter {
  return r.resourceType === "Encounter";
}

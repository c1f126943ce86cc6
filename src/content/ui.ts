import type { UiLanguage } from "./lang";

// Staff-facing interface text. Clinical content (scripts, cards) lives in content packs.

const en = {
  patientBanner: "Patient",
  born: "Born",
  signedInAs: "Signed in as",
  patientInContext: "Patient in context",
  unknownUser: "an EHR user",
  encounter: "Visit",
  noEncounter: "No visit in context",
  language: "Preferred language",
};

export type UiStrings = typeof en;

const es: UiStrings = {
  patientBanner: "Paciente",
  born: "Nació",
  signedInAs: "Sesión de",
  patientInContext: "Paciente en contexto",
  unknownUser: "un usuario del EHR",
  encounter: "Consulta",
  noEncounter: "Sin consulta en contexto",
  language: "Idioma preferido",
};

export const UI: Record<UiLanguage, UiStrings> = { en, es };

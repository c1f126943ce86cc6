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
  navLabel: "Sections",
  tabGuide: "Guide",
  tabHistory: "History",
  tabInbox: "Referrals",
  tabReferBack: "Refer to the health center",
  tabIncoming: "Referrals from partners",
  tabWorklist: "Worklist",
  tabPartners: "Partners",
  tabSettings: "Settings",
  tabDiagnostics: "Diagnostics",
  tabReports: "Reports",
  staffLanguage: "Show the app in",
  workspace: "Workspace",
  nothingForRole:
    "This version of the app has no screens for your role yet. The clinic's IT team can tell you when it will.",
  loading: "Loading…",
  // Neutral on purpose: someone looking over the shoulder should read nothing into it.
  shieldButton: "Pause (Esc)",
  shieldHint: "Shows a general page until you return",
  neutralText: "General health and wellness information for patients and families.",
  shieldReturn: "Return to the app",
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
  navLabel: "Secciones",
  tabGuide: "Guía",
  tabHistory: "Historial",
  tabInbox: "Remisiones",
  tabReferBack: "Remitir al centro de salud",
  tabIncoming: "Remisiones de aliados",
  tabWorklist: "Lista de trabajo",
  tabPartners: "Aliados",
  tabSettings: "Configuración",
  tabDiagnostics: "Diagnóstico",
  tabReports: "Informes",
  staffLanguage: "Ver la aplicación en",
  workspace: "Espacio de trabajo",
  nothingForRole:
    "Esta versión de la aplicación aún no tiene pantallas para su rol. El equipo de TI de la clínica puede decirle cuándo las tendrá.",
  loading: "Cargando…",
  shieldButton: "Pausa (Esc)",
  shieldHint: "Muestra una página general hasta que vuelva",
  neutralText: "Información general de salud y bienestar para pacientes y familias.",
  shieldReturn: "Volver a la aplicación",
};

export const UI: Record<UiLanguage, UiStrings> = { en, es };

import type { UiLanguage } from "../../content/lang";
import type { DraftProblem } from "../../domain/incomingReferral";

// Staff-facing text of "Refer to the health center" (the advocate's referral back), English
// and Spanish.

const en = {
  title: "Refer to the health center",
  intro: (clinic: string) =>
    `Send your client to ${clinic}. Only what you enter here is shared, and only with the clinic.`,
  reason: "Reason",
  choose: "Choose…",
  reasonText: "The reason in words",
  reasonTextHint: "Shared with the clinic's staff only; keep it short.",
  urgency: "How soon",
  client: "The client",
  givenName: "First name",
  familyName: "Last name",
  birthDate: "Date of birth",
  language: "Preferred language",
  notAsked: "Not asked",
  safeContact: "How the clinic may reach the client safely",
  noContact: "Do not contact: the client will call the clinic",
  safePhone: "Safe phone",
  safeTimes: "Safe times to call",
  voicemail: "Voicemail",
  voicemailOk: "OK to leave a message",
  voicemailNo: "Do NOT leave a message",
  mayName: "The caller may say they are from the clinic",
  coverStory: "If someone else answers, the caller says",
  consent: "Consent",
  consentText: (clinic: string, days: number) =>
    `The client agrees that we share their name, date of birth, language and safe-contact instructions with ${clinic}, for this referral only, for ${days} days.`,
  consentDays: "Days the consent lasts",
  send: "Send to the health center",
  sending: "Sending…",
  sendAgain: "Send again (nothing is sent twice)",
  sent: "Sent. The clinic sees it in its incoming referrals; its steps show below.",
  another: "Refer another client",
  fixFirst: "Please fix these first:",
  problem: {
    "reason-missing": "Choose what the client is referred for.",
    "reason-text-missing": "Say the reason in a few words (for “Other”).",
    "name-missing": "Enter the client's first and last name, so the clinic can find them.",
    "birth-date-missing": "Enter the date of birth, so the clinic can find the right person.",
    "birth-date-invalid": "Enter the date of birth as a date (year, month, day).",
    "birth-date-future": "The date of birth is in the future: check it.",
    "contact-missing": "Enter a safe phone, or tick “Do not contact”.",
    "consent-missing":
      "Ask the client. Without their consent nothing can be sent; they can still call the clinic themselves.",
    "consent-days-invalid": "Enter between 1 and 365 days.",
  } as Record<DraftProblem, string>,
  sentTitle: "Referrals you sent to the health center",
  sentEmpty: "None yet.",
  sentLoading: "Loading…",
  sentFailed: "The referrals you sent could not be loaded.",
  check: "Check for updates",
  status: "Status",
  lastChange: (by: string) => `Last change by ${by}`,
  sentOn: "Sent",
  /** Once the clinic found the client in its records, the name stays there only. */
  matchedClient: "Client (now in the clinic's records)",
  scopeMissing: (scopes: string) =>
    `This sign-in cannot create referrals (missing: ${scopes}). Ask the clinic's IT team to allow it.`,
};

export type ReferBackStrings = typeof en;

const es: ReferBackStrings = {
  title: "Remitir al centro de salud",
  intro: (clinic) =>
    `Envíe a su clienta a ${clinic}. Solo se comparte lo que escriba aquí, y solo con la clínica.`,
  reason: "Motivo",
  choose: "Elija…",
  reasonText: "El motivo en palabras",
  reasonTextHint: "Solo lo ve el personal de la clínica; sea breve.",
  urgency: "Para cuándo",
  client: "La clienta",
  givenName: "Nombre",
  familyName: "Apellido",
  birthDate: "Fecha de nacimiento",
  language: "Idioma preferido",
  notAsked: "No se preguntó",
  safeContact: "Cómo puede la clínica contactarla con seguridad",
  noContact: "No contactar: la clienta llamará a la clínica",
  safePhone: "Teléfono seguro",
  safeTimes: "Horarios seguros para llamar",
  voicemail: "Buzón de voz",
  voicemailOk: "Puede dejar mensaje",
  voicemailNo: "NO deje mensaje",
  mayName: "Quien llame puede decir que es de la clínica",
  coverStory: "Si contesta otra persona, quien llame dice",
  consent: "Consentimiento",
  consentText: (clinic, days) =>
    `La clienta acepta que compartamos su nombre, fecha de nacimiento, idioma e instrucciones de contacto seguro con ${clinic}, solo para esta remisión, durante ${days} días.`,
  consentDays: "Días que dura el consentimiento",
  send: "Enviar al centro de salud",
  sending: "Enviando…",
  sendAgain: "Enviar de nuevo (nada se envía dos veces)",
  sent: "Enviada. La clínica la ve en sus remisiones recibidas; sus pasos se muestran abajo.",
  another: "Remitir a otra clienta",
  fixFirst: "Corrija esto primero:",
  problem: {
    "reason-missing": "Elija para qué se remite a la clienta.",
    "reason-text-missing": "Diga el motivo en pocas palabras (para “Otro”).",
    "name-missing": "Escriba el nombre y el apellido, para que la clínica la encuentre.",
    "birth-date-missing":
      "Escriba la fecha de nacimiento, para que la clínica encuentre a la persona correcta.",
    "birth-date-invalid": "Escriba la fecha de nacimiento como fecha (año, mes, día).",
    "birth-date-future": "La fecha de nacimiento está en el futuro: revísela.",
    "contact-missing": "Escriba un teléfono seguro, o marque “No contactar”.",
    "consent-missing":
      "Pregúntele a la clienta. Sin su consentimiento no se puede enviar nada; ella puede llamar a la clínica por su cuenta.",
    "consent-days-invalid": "Escriba entre 1 y 365 días.",
  },
  sentTitle: "Remisiones que envió al centro de salud",
  sentEmpty: "Ninguna todavía.",
  sentLoading: "Cargando…",
  sentFailed: "No se pudieron cargar las remisiones que envió.",
  check: "Buscar novedades",
  status: "Estado",
  lastChange: (by) => `Último cambio por ${by}`,
  sentOn: "Enviada",
  matchedClient: "Clienta (ya en los registros de la clínica)",
  scopeMissing: (scopes) =>
    `Esta sesión no puede crear remisiones (falta: ${scopes}). Pida al equipo de TI de la clínica que lo permita.`,
};

export const REFER_BACK_TEXT: Record<UiLanguage, ReferBackStrings> = { en, es };

import type { UiLanguage } from "./lang";

// The words of a referral back (partner → clinic) that both sides use: what the client is
// referred for, how urgent it is, and where the clinic is with it. Staff-facing only; English
// and Spanish.

const en = {
  reason: {
    "next-day-appointment": "Next-day medical appointment",
    "reproductive-sexual-health": "Reproductive or sexual health",
    "hiv-sti-testing": "HIV/STI testing",
    "behavioral-health": "Mental or behavioral health",
    "substance-use-support": "Substance use support",
    "prenatal-postpartum": "Prenatal or postpartum care",
    "enrollment-help": "Enrollment help",
    other: "Other",
  } as Record<string, string>,
  urgency: {
    asap: "Today",
    urgent: "Within a day",
    routine: "Within a week or so",
    stat: "Today",
  } as Record<string, string>,
  /** Status words by Task status, refined by business status where it says more. */
  status: {
    requested: "Sent — waiting for the clinic",
    accepted: "Accepted by the clinic",
    rejected: "Declined by the clinic",
    cancelled: "Cancelled",
    "in-progress": "In progress",
    failed: "The clinic could not reach the client",
    completed: "Completed — the client was seen",
  } as Record<string, string>,
  business: {
    "appointment-offered": "Appointment offered",
    scheduled: "Appointment booked",
  } as Record<string, string>,
  declineReason: {
    "no-capacity": "No appointments available",
    "not-eligible": "Not a service of this clinic",
    "referred-elsewhere": "Referred elsewhere",
    "could-not-contact": "Could not contact",
    "no-longer-interested": "No longer interested",
    "got-help": "Got help elsewhere",
    "consent-withdrawn": "Consent withdrawn",
  } as Record<string, string>,
  registrationNeeded: "Registration needed",
  matched: "Patient found in the EHR",
};

export type ReferralBackWords = typeof en;

const es: ReferralBackWords = {
  reason: {
    "next-day-appointment": "Cita médica para el día siguiente",
    "reproductive-sexual-health": "Salud reproductiva o sexual",
    "hiv-sti-testing": "Prueba de VIH/ITS",
    "behavioral-health": "Salud mental o conductual",
    "substance-use-support": "Apoyo por uso de sustancias",
    "prenatal-postpartum": "Atención prenatal o posparto",
    "enrollment-help": "Ayuda para inscribirse",
    other: "Otro",
  },
  urgency: {
    asap: "Hoy",
    urgent: "En un día",
    routine: "En una semana más o menos",
    stat: "Hoy",
  },
  status: {
    requested: "Enviada — esperando a la clínica",
    accepted: "Aceptada por la clínica",
    rejected: "Rechazada por la clínica",
    cancelled: "Cancelada",
    "in-progress": "En curso",
    failed: "La clínica no pudo contactar a la persona",
    completed: "Completada — la persona fue atendida",
  },
  business: {
    "appointment-offered": "Cita ofrecida",
    scheduled: "Cita programada",
  },
  declineReason: {
    "no-capacity": "No hay citas disponibles",
    "not-eligible": "No es un servicio de esta clínica",
    "referred-elsewhere": "Remitida a otro lugar",
    "could-not-contact": "No se pudo contactar",
    "no-longer-interested": "Ya no le interesa",
    "got-help": "Recibió ayuda en otro lugar",
    "consent-withdrawn": "Consentimiento retirado",
  },
  registrationNeeded: "Hay que registrarla",
  matched: "Paciente encontrada en el EHR",
};

export const REFERRAL_BACK_WORDS: Record<UiLanguage, ReferralBackWords> = { en, es };

/** "In progress — Appointment booked" for a referral back's Task. */
export function backStatusText(
  w: ReferralBackWords,
  status: string,
  businessStatus?: string,
): string {
  const base = w.status[status] ?? status;
  const extra = businessStatus ? w.business[businessStatus] : undefined;
  return extra ? `${base} — ${extra}` : base;
}

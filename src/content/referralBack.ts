import { codeDisplay, codeDisplays } from "../fhir/codeDisplays";
import type { UiLanguage } from "./lang";

// The words of a referral back (partner → clinic) that both sides use: what the client is
// referred for, how urgent it is, and where the clinic is with it. Staff-facing only; English
// and Spanish. The names of our codes come from the CodeSystems (docs/ARCHITECTURE.md, "FHIR
// model"): wr-clinic-service for the reasons, wr-referral-status-reason for declining.

const en = {
  reason: codeDisplays("wr-clinic-service", "en"),
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
    "appointment-offered": codeDisplay("wr-referral-outcome", "appointment-offered", "en"),
    scheduled: "Appointment booked",
  } as Record<string, string>,
  /** The status reasons' names, but in the clinic's words where it is the clinic that declines. */
  declineReason: {
    ...codeDisplays("wr-referral-status-reason", "en"),
    "no-capacity": "No appointments available",
    "not-eligible": "Not a service of this clinic",
    "got-help": "Got help elsewhere",
  } as Record<string, string>,
  registrationNeeded: "Registration needed",
  matched: "Patient found in the EHR",
};

export type ReferralBackWords = typeof en;

const es: ReferralBackWords = {
  reason: codeDisplays("wr-clinic-service", "es"),
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
    "appointment-offered": codeDisplay("wr-referral-outcome", "appointment-offered", "es"),
    scheduled: "Cita programada",
  },
  declineReason: {
    ...codeDisplays("wr-referral-status-reason", "es"),
    "no-capacity": "No hay citas disponibles",
    "not-eligible": "No es un servicio de esta clínica",
    "got-help": "Recibió ayuda en otro lugar",
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

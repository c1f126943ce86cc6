import type { UiLanguage } from "../../content/lang";
import { codeDisplays } from "../../fhir/codeDisplays";

// Staff-facing text of the clinic's referral worklist and of the follow-up prompt at the next
// visit, English and Spanish (kept with the feature so it loads lazily with it). The script to
// ask the patient how it went is patient-facing: it is in the content packs
// (patient.followUpScript, public/content/<lang>.json).

const en = {
  title: "Referral worklist",
  titlePatient: "This patient's referrals",
  count: (shown: number, total: number, overdue: number, changed: number) =>
    `${shown} of ${total} ${total === 1 ? "referral" : "referrals"}` +
    (overdue ? `, ${overdue} overdue` : "") +
    (changed ? `, ${changed} changed since you last looked` : ""),
  loading: "Loading referrals…",
  loadFailed: "The worklist could not be loaded.",
  check: "Check for changes",
  checking: "Checking…",
  empty: "No referrals match.",
  filterStatus: "Status",
  filterPartner: "Partner",
  filterStaff: "Referred by",
  anyPartner: "Every partner",
  anyStaff: "Everyone",
  statusOpen: "Open",
  statusOverdue: "Overdue",
  statusClosed: "Closed (last 30 days)",
  statusAll: "All",
  columns: {
    patient: "Patient",
    partner: "Partner",
    status: "Status",
    lastChange: "Last change",
    followUp: "Follow up by",
    actions: "Actions",
  },
  noName: "(name not shown)",
  noPartner: "No partner (the clinic's own follow-up)",
  changedMark: "Changed",
  overdue: {
    "follow-up-passed": "Overdue: follow-up date passed",
    "no-partner-answer": "Overdue: no answer from the partner",
  } as Record<string, string>,
  by: (name: string) => `by ${name}`,
  showMore: (n: number) => `Show ${n} more`,
  cancel: "Cancel referral…",
  cancelHeading: "Cancel this referral",
  cancelReason: "Reason",
  cancelText: "Reason in words (optional)",
  cancelConfirm: "Cancel the referral",
  cancelKeep: "Keep it",
  cancelling: "Cancelling…",
  cancelled: "The referral was cancelled. The partner sees it as cancelled.",
  conflict: (by: string | undefined, status: string) =>
    `Someone${by ? ` (${by})` : ""} changed this referral since you loaded it; it is now: ${status}. Nothing was written. Look again and try once more.`,
  writeFailed: "The change could not be saved.",
  statusLabel: {
    draft: "Draft",
    requested: "Sent, waiting for the partner",
    accepted: "Accepted by the partner",
    rejected: "Declined by the partner",
    cancelled: "Cancelled",
    "in-progress": "In progress: the partner made contact",
    "on-hold": "On hold",
    failed: "The partner could not reach the patient",
    completed: "Completed",
  } as Record<string, string>,
  businessLabel: {
    "fulfillment-completed": "connected to services",
    "declined-services": "the patient declined services",
    "referred-elsewhere": "referred elsewhere",
  } as Record<string, string>,
  /** The status reasons' names, but said of the patient where that is clearer to the clinic. */
  reasonLabel: {
    ...codeDisplays("wr-referral-status-reason", "en"),
    "consent-withdrawn": "The patient withdrew consent",
    "consent-expired": "The consent expired",
    "no-longer-interested": "The patient no longer wants it",
    "got-help": "The patient got help elsewhere",
  } as Record<string, string>,
  report: {
    connected: "Patient says: connected",
    "not-yet": "Patient says: not yet",
    "not-now": "Patient says: does not want it now",
    "another-program": "Patient says: wants another program",
  } as Record<string, string>,
  // The follow-up prompt (provider only; never patient-visible).
  promptHeading: "Follow-up on an earlier referral",
  promptSoFar: "What happened so far",
  promptSent: (date: string, partner: string) => `Referred on ${date} to ${partner}.`,
  promptScript: (language: string) => `A way to ask (${language})`,
  promptScriptMissing: (language: string) =>
    `No script in ${language}: use the clinic's interpreter and the English wording.`,
  promptAnswer: "What does the patient say?",
  answers: {
    connected: "Connected with the program",
    "not-yet": "Not yet",
    "not-now": "Does not want it now",
    "another-program": "Wants another program",
  } as Record<string, string>,
  alsoCancel: "Also cancel this referral (the patient no longer wants it)",
  record: "Record",
  recording: "Saving…",
  recorded: "Recorded. The partner and the worklist see it.",
  startNew: "Start a new referral",
  dismiss: "Not now",
  show: "Show the follow-up",
};

export type WorklistStrings = typeof en;

const es: WorklistStrings = {
  title: "Lista de trabajo de referencias",
  titlePatient: "Referencias de esta paciente",
  count: (shown, total, overdue, changed) =>
    `${shown} de ${total} ${total === 1 ? "referencia" : "referencias"}` +
    (overdue ? `, ${overdue} ${overdue === 1 ? "atrasada" : "atrasadas"}` : "") +
    (changed ? `, ${changed} con cambios desde que miró` : ""),
  loading: "Cargando referencias…",
  loadFailed: "No se pudo cargar la lista de trabajo.",
  check: "Buscar cambios",
  checking: "Buscando…",
  empty: "Ninguna referencia coincide.",
  filterStatus: "Estado",
  filterPartner: "Aliado",
  filterStaff: "Referida por",
  anyPartner: "Todos los aliados",
  anyStaff: "Todas las personas",
  statusOpen: "Abiertas",
  statusOverdue: "Atrasadas",
  statusClosed: "Cerradas (últimos 30 días)",
  statusAll: "Todas",
  columns: {
    patient: "Paciente",
    partner: "Aliado",
    status: "Estado",
    lastChange: "Último cambio",
    followUp: "Seguimiento antes del",
    actions: "Acciones",
  },
  noName: "(nombre no visible)",
  noPartner: "Sin aliado (seguimiento de la clínica)",
  changedMark: "Con cambios",
  overdue: {
    "follow-up-passed": "Atrasada: pasó la fecha de seguimiento",
    "no-partner-answer": "Atrasada: el aliado no ha respondido",
  },
  by: (name) => `por ${name}`,
  showMore: (n) => `Mostrar ${n} más`,
  cancel: "Cancelar la referencia…",
  cancelHeading: "Cancelar esta referencia",
  cancelReason: "Motivo",
  cancelText: "Motivo en palabras (opcional)",
  cancelConfirm: "Cancelar la referencia",
  cancelKeep: "Mantenerla",
  cancelling: "Cancelando…",
  cancelled: "La referencia se canceló. El aliado la ve como cancelada.",
  conflict: (by, status) =>
    `Alguien${by ? ` (${by})` : ""} cambió esta referencia después de que la cargó; ahora está: ${status}. No se guardó nada. Vuelva a mirarla e inténtelo otra vez.`,
  writeFailed: "No se pudo guardar el cambio.",
  statusLabel: {
    draft: "Borrador",
    requested: "Enviada, esperando al aliado",
    accepted: "Aceptada por el aliado",
    rejected: "Rechazada por el aliado",
    cancelled: "Cancelada",
    "in-progress": "En curso: el aliado hizo contacto",
    "on-hold": "En pausa",
    failed: "El aliado no pudo comunicarse con la paciente",
    completed: "Completada",
  },
  businessLabel: {
    "fulfillment-completed": "conectada con servicios",
    "declined-services": "la paciente rechazó los servicios",
    "referred-elsewhere": "remitida a otro lugar",
  },
  reasonLabel: {
    ...codeDisplays("wr-referral-status-reason", "es"),
    "consent-withdrawn": "La paciente retiró el consentimiento",
    "consent-expired": "El consentimiento venció",
    "no-longer-interested": "La paciente ya no lo quiere",
    "got-help": "La paciente recibió ayuda en otro lugar",
  },
  report: {
    connected: "La paciente dice: se conectó",
    "not-yet": "La paciente dice: todavía no",
    "not-now": "La paciente dice: no lo quiere por ahora",
    "another-program": "La paciente dice: quiere otro programa",
  },
  promptHeading: "Seguimiento de una referencia anterior",
  promptSoFar: "Lo que ha pasado hasta ahora",
  promptSent: (date, partner) => `Referida el ${date} a ${partner}.`,
  promptScript: (language) => `Una forma de preguntar (${language})`,
  promptScriptMissing: (language) =>
    `No hay guion en ${language}: use el intérprete de la clínica y el texto en inglés.`,
  promptAnswer: "¿Qué dice la paciente?",
  answers: {
    connected: "Se conectó con el programa",
    "not-yet": "Todavía no",
    "not-now": "No lo quiere por ahora",
    "another-program": "Quiere otro programa",
  },
  alsoCancel: "Cancelar también esta referencia (la paciente ya no la quiere)",
  record: "Guardar",
  recording: "Guardando…",
  recorded: "Guardado. El aliado y la lista de trabajo lo ven.",
  startNew: "Empezar una referencia nueva",
  dismiss: "Ahora no",
  show: "Mostrar el seguimiento",
};

export const WORKLIST_TEXT: Record<UiLanguage, WorklistStrings> = { en, es };

/** "Completed — connected to services" for a referral's Task. */
export function statusText(t: WorklistStrings, status: string, businessStatus?: string): string {
  const base = t.statusLabel[status] ?? status;
  const extra =
    status === "completed" && businessStatus ? t.businessLabel[businessStatus] : undefined;
  return extra ? `${base} — ${extra}` : base;
}

import type { UiLanguage } from "../../content/lang";
import type { MeasureId } from "../../domain/reports";

// The written definition of each measure, shown in the app beside the numbers (English and
// Spanish). The same wording is in docs/reports.md and in the FHIR Measures
// (fhir-profiles/input/fsh/measures.fsh): keep the three in step.

export interface MeasureText {
  name: string;
  /** What counts (the numerator, or the population for a count). */
  counts: string;
  /** The denominator, for a rate. */
  denominator?: string;
}

const SENT_EN = "Referrals sent to a partner in the period.";
const SENT_ES = "Referencias enviadas a un programa aliado en el período.";

export const DEFINITIONS: Record<UiLanguage, Record<MeasureId, MeasureText>> = {
  en: {
    "education-offered": {
      name: "Universal education offered",
      counts:
        "Universal-education records (a safety card offered, with or without a disclosure) in the month; by visit setting and by card language when the server can count them. Its share of visits is a measure of its own.",
    },
    "referrals-offered": {
      name: "Warm referrals offered",
      counts:
        "Warm referrals recorded in the month, including hotline and card-only handoffs that share nothing with a partner.",
    },
    "referrals-sent": {
      name: "Sent to a partner",
      counts: "Referral tasks owned by a partner program of the directory, sent in the month.",
    },
    "referrals-accepted": {
      name: "Accepted by the partner",
      counts:
        "Referrals the partner accepted (now accepted, in progress, on hold, completed or could not reach).",
      denominator: SENT_EN,
    },
    "referrals-connected": {
      name: "Connected",
      counts: "Referrals completed as connected: the survivor used the program's services.",
      denominator: SENT_EN,
    },
    "referrals-declined": {
      name: "Declined by the partner",
      counts:
        "Referrals the program declined (no capacity, not eligible, unsafe to contact, referred elsewhere).",
      denominator: SENT_EN,
    },
    "referrals-could-not-reach": {
      name: "Could not reach",
      counts: "Referrals the program closed because it could not reach the survivor.",
      denominator: SENT_EN,
    },
    "referrals-withdrawn": {
      name: "Withdrawn",
      counts: "Referrals cancelled by the clinic or because the consent was withdrawn.",
      denominator: SENT_EN,
    },
    "connection-rate": {
      name: "Connection rate",
      counts:
        "Connected referrals ÷ referrals sent, in the period. Not shown when either count is suppressed.",
      denominator: SENT_EN,
    },
    "days-to-first-contact": {
      name: "Days to first contact",
      counts:
        "Days from sending to the program's first contact, over the referrals that had one: median and 90th percentile. Not shown for fewer referrals than the threshold.",
    },
    "days-to-connection": {
      name: "Days to connection",
      counts:
        "Days from sending to completion as connected, over the connected referrals: median and 90th percentile. Not shown for fewer referrals than the threshold.",
    },
    "referrals-by-urgency": {
      name: "Referrals by urgency",
      counts: "Referrals sent, and connected, by the urgency they were sent with.",
    },
    "overdue-open": {
      name: "Overdue, open now",
      counts:
        "Referrals still open today (sent, accepted, in progress, on hold) that were sent longer ago than the clinic's follow-up interval.",
    },
    "incoming-received": {
      name: "Incoming referrals received",
      counts: "Referrals from a partner program to the clinic, received in the period.",
    },
    "incoming-accepted": {
      name: "Incoming referrals accepted",
      counts: "Incoming referrals the clinic accepted.",
      denominator: "Incoming referrals received in the period.",
    },
    "incoming-booked": {
      name: "Incoming: appointment booked",
      counts: "Incoming referrals with an appointment booked (scheduled, attended or not).",
      denominator: "Incoming referrals received in the period.",
    },
    "incoming-completed": {
      name: "Incoming referrals completed",
      counts: "Incoming referrals the clinic completed.",
      denominator: "Incoming referrals received in the period.",
    },
    "education-share": {
      name: "Share of visits with universal education",
      counts:
        "Universal-education records in the month (as counted above), when the server can count visits.",
      denominator:
        "Visits: Encounters whose period falls in the month (counted by the server); not shown when the server cannot count Encounters.",
    },
    "cross-trainings": {
      name: "Cross-trainings",
      counts:
        "Cross-training sessions recorded on a partner's partnership record with a date in the period, by direction (clinic staff at the program, or the program's staff at the clinic), and the staff who attended. About staff, not patients: not suppressed.",
    },
  },
  es: {
    "education-offered": {
      name: "Educación universal ofrecida",
      counts:
        "Registros de educación universal (una tarjeta de seguridad ofrecida, con o sin revelación) en el mes; por tipo de consulta y por idioma de la tarjeta cuando el servidor puede contarlos. Su proporción de consultas es una medida aparte.",
    },
    "referrals-offered": {
      name: "Referencias ofrecidas",
      counts:
        "Referencias registradas en el mes, incluidas las de línea directa o solo tarjeta, que no comparten nada con un programa aliado.",
    },
    "referrals-sent": {
      name: "Enviadas a un programa aliado",
      counts: "Tareas de referencia de un programa aliado del directorio, enviadas en el mes.",
    },
    "referrals-accepted": {
      name: "Aceptadas por el programa",
      counts:
        "Referencias que el programa aceptó (aceptadas, en curso, en pausa, completadas o sin contacto).",
      denominator: SENT_ES,
    },
    "referrals-connected": {
      name: "Conectadas",
      counts: "Referencias completadas como conectadas: la persona usó los servicios del programa.",
      denominator: SENT_ES,
    },
    "referrals-declined": {
      name: "Rechazadas por el programa",
      counts:
        "Referencias que el programa rechazó (sin cupo, no elegible, contacto inseguro, referida a otro lugar).",
      denominator: SENT_ES,
    },
    "referrals-could-not-reach": {
      name: "Sin contacto",
      counts: "Referencias que el programa cerró porque no pudo contactar a la persona.",
      denominator: SENT_ES,
    },
    "referrals-withdrawn": {
      name: "Retiradas",
      counts: "Referencias canceladas por la clínica o porque se retiró el consentimiento.",
      denominator: SENT_ES,
    },
    "connection-rate": {
      name: "Tasa de conexión",
      counts:
        "Referencias conectadas ÷ referencias enviadas, en el período. No se muestra si algún conteo está suprimido.",
      denominator: SENT_ES,
    },
    "days-to-first-contact": {
      name: "Días hasta el primer contacto",
      counts:
        "Días desde el envío hasta el primer contacto del programa, en las referencias que lo tuvieron: mediana y percentil 90. No se muestra con menos referencias que el umbral.",
    },
    "days-to-connection": {
      name: "Días hasta la conexión",
      counts:
        "Días desde el envío hasta completarse como conectada: mediana y percentil 90. No se muestra con menos referencias que el umbral.",
    },
    "referrals-by-urgency": {
      name: "Referencias por urgencia",
      counts: "Referencias enviadas, y conectadas, según la urgencia con que se enviaron.",
    },
    "overdue-open": {
      name: "Vencidas, abiertas hoy",
      counts:
        "Referencias aún abiertas hoy (enviadas, aceptadas, en curso, en pausa) enviadas hace más tiempo que el intervalo de seguimiento de la clínica.",
    },
    "incoming-received": {
      name: "Referencias recibidas",
      counts: "Referencias de un programa aliado a la clínica, recibidas en el período.",
    },
    "incoming-accepted": {
      name: "Referencias recibidas aceptadas",
      counts: "Referencias recibidas que la clínica aceptó.",
      denominator: "Referencias recibidas en el período.",
    },
    "incoming-booked": {
      name: "Recibidas: cita programada",
      counts: "Referencias recibidas con una cita programada (asistida o no).",
      denominator: "Referencias recibidas en el período.",
    },
    "incoming-completed": {
      name: "Referencias recibidas completadas",
      counts: "Referencias recibidas que la clínica completó.",
      denominator: "Referencias recibidas en el período.",
    },
    "education-share": {
      name: "Proporción de consultas con educación universal",
      counts:
        "Registros de educación universal del mes (los contados arriba), cuando el servidor puede contar las consultas.",
      denominator:
        "Consultas: Encounters cuyo período cae en el mes (contados por el servidor); no se muestra si el servidor no puede contar Encounters.",
    },
    "cross-trainings": {
      name: "Capacitaciones cruzadas",
      counts:
        "Sesiones de capacitación cruzada registradas en la alianza con un programa, con fecha en el período, por dirección (personal de la clínica en el programa, o del programa en la clínica), y el personal que asistió. Son sobre el personal, no sobre pacientes: no se suprimen.",
    },
  },
};

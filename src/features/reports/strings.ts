import type { UiLanguage } from "../../content/lang";

// Staff-facing text of the reports tab (English and Spanish). Measure names and definitions
// are in definitions.ts.

const en = {
  title: "Partnership report",
  intro:
    "De-identified counts of education, referrals and connections. No patient record is read: the server counts, and referral tasks are read without any patient reference. Small counts are hidden.",
  from: "From month",
  to: "To month",
  show: "Show the report",
  loading: "Counting…",
  problem: {
    "bad-month": "Enter both months as YYYY-MM, for example 2026-09.",
    "ends-before-start": "The last month is before the first: change one of them.",
    "too-long": "Choose at most 24 months.",
  },
  suppressedNote: (t: number) =>
    `Counts from 1 to ${t - 1} are shown as "<${t}"; where a hidden count could be worked out from a total, another count is hidden too.`,
  monthly: "By month",
  byPartner: "By partner program",
  byUrgency: "By urgency",
  timings: "Timings",
  single: "Now and incoming",
  month: "Month",
  partner: "Partner program",
  urgency: "Urgency",
  total: "Total",
  median: "Median (days)",
  p90: "90th percentile (days)",
  n: "Referrals",
  notShown: "not shown",
  rate: "Connection rate",
  downloadCsv: "Download CSV",
  downloadMeasureReports: "Download FHIR MeasureReports",
  partnerReport: "Report for a partner program",
  partnerReportIntro:
    "Only that program's referrals, suppressed on their own. Offered for programs at participation tier 3 or 4.",
  downloadPartnerCsv: (name: string) => `Download ${name}'s report (CSV)`,
  noTierThree: "No partner program at tier 3 or 4.",
  print: "Print",
  definitions: "Definitions",
  chartOf: (what: string) => `Chart: ${what}`,
  tableOf: (what: string) => `Table: ${what}`,
  mismatch:
    "Some counts changed while the report was read (a referral was updated meanwhile). Show the report again for consistent numbers.",
  urgencyName: {
    routine: "Routine",
    urgent: "Urgent",
    asap: "As soon as possible",
    stat: "Immediate",
  } as Record<string, string>,
  unknownPartner: "Program not in the directory",
  definitionCol: "What counts",
  measure: "Measure",
  value: "Value",
};

type Strings = typeof en;

const es: Strings = {
  title: "Informe de la alianza",
  intro:
    "Conteos sin identificación de educación, referencias y conexiones. No se lee ningún expediente: el servidor cuenta, y las tareas se leen sin ninguna referencia al paciente. Los conteos pequeños se ocultan.",
  from: "Desde el mes",
  to: "Hasta el mes",
  show: "Mostrar el informe",
  loading: "Contando…",
  problem: {
    "bad-month": "Escriba ambos meses como AAAA-MM, por ejemplo 2026-09.",
    "ends-before-start": "El último mes es anterior al primero: cambie uno de ellos.",
    "too-long": "Elija como máximo 24 meses.",
  },
  suppressedNote: (t: number) =>
    `Los conteos de 1 a ${t - 1} se muestran como "<${t}"; cuando un conteo oculto podría deducirse de un total, se oculta otro también.`,
  monthly: "Por mes",
  byPartner: "Por programa aliado",
  byUrgency: "Por urgencia",
  timings: "Tiempos",
  single: "Hoy y referencias recibidas",
  month: "Mes",
  partner: "Programa aliado",
  urgency: "Urgencia",
  total: "Total",
  median: "Mediana (días)",
  p90: "Percentil 90 (días)",
  n: "Referencias",
  notShown: "no se muestra",
  rate: "Tasa de conexión",
  downloadCsv: "Descargar CSV",
  downloadMeasureReports: "Descargar MeasureReports FHIR",
  partnerReport: "Informe para un programa aliado",
  partnerReportIntro:
    "Solo las referencias de ese programa, suprimidas por sí solas. Disponible para programas de nivel 3 o 4.",
  downloadPartnerCsv: (name: string) => `Descargar el informe de ${name} (CSV)`,
  noTierThree: "Ningún programa aliado de nivel 3 o 4.",
  print: "Imprimir",
  definitions: "Definiciones",
  chartOf: (what: string) => `Gráfica: ${what}`,
  tableOf: (what: string) => `Tabla: ${what}`,
  mismatch:
    "Algunos conteos cambiaron mientras se leía el informe (se actualizó una referencia). Muestre el informe de nuevo para tener cifras coherentes.",
  urgencyName: {
    routine: "Rutina",
    urgent: "Urgente",
    asap: "Lo antes posible",
    stat: "Inmediata",
  },
  unknownPartner: "Programa fuera del directorio",
  definitionCol: "Qué se cuenta",
  measure: "Medida",
  value: "Valor",
};

export const REPORT_TEXT: Record<UiLanguage, Strings> = { en, es };

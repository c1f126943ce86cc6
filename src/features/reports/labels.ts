import { cellText, type MeasureId, type ReportInput } from "../../domain/reports";
import { NOT_RECORDED, type ShareRow } from "../../domain/reportBreakdowns";
import type { UiLanguage } from "../../content/lang";
import { DEFINITIONS } from "./definitions";
import { REPORT_TEXT } from "./strings";

export type T = (typeof REPORT_TEXT)["en"];

/** How the screen and the exports name measures, partners, settings, languages and columns. */
export function reportLabels(lang: UiLanguage, input: ReportInput) {
  const t = REPORT_TEXT[lang];
  const defs = DEFINITIONS[lang];
  const name = (m: string) => defs[m as MeasureId]?.name ?? t.trainingColumn[m] ?? m;
  return {
    t,
    name,
    partnerName: (ref: string) =>
      input.partners.find((p) => p.reference === ref)?.name ?? t.unknownPartner,
    settingName: (k: string) => (k === NOT_RECORDED ? t.notRecorded : (t.settingName[k] ?? k)),
    languageName: (k: string) => (k === NOT_RECORDED ? t.notRecorded : k),
    urgencyName: (k: string) => t.urgencyName[k] ?? k,
    /** A share row as shown and exported: visits (suppressed as "<N") and the percentage. */
    shareTexts: (row: ShareRow, threshold: number): [string, string] => [
      cellText(row.visits, threshold),
      row.share === undefined ? t.notShown : `${row.share}%`,
    ],
  };
}

export type Labels = ReturnType<typeof reportLabels>;

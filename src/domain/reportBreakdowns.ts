// The report's breakdowns (docs/reports.md): universal education and referrals offered by
// visit setting, education by card language, the share of visits with universal education,
// and cross-trainings by partner and direction. Pure; the counts come from the server
// (`_summary=count` in one batch Bundle), the cross-trainings from the partner directory.

import type { CrossTraining, CrossTrainingDirection } from "./partnership";
import { CROSS_TRAINING_DIRECTIONS } from "./partnership";
import {
  monthOf,
  rateOf,
  suppressOne,
  suppressTable,
  tableOf,
  type Cell,
  type Period,
  type Report,
  type ReportInput,
  type SuppressedTable,
} from "./reports";

/** What the server's CapabilityStatement allows the report to count. */
export interface BreakdownSupport {
  /** wr-visit-setting on ServiceRequest and Procedure, and batch. */
  setting: boolean;
  /** wr-card-language on Procedure, and batch. */
  language: boolean;
  /** Encounter search by date, and batch. */
  visits: boolean;
}

/** The server's counts for the breakdowns; a breakdown it could not count is absent. */
export interface Breakdowns {
  setting?: { education: Record<string, number>; offered: Record<string, number> };
  /** Education records with a card in each language. */
  language?: Record<string, number>;
  visitsByMonth?: Record<string, number>;
}

/** The row for records that carry no setting (or language) among the listed ones. */
export const NOT_RECORDED = "not-recorded";

/**
 * A breakdown as an additive table: one row per value, plus "not recorded" (the period's
 * total less the rows, never below zero), so its rows add up to the total shown elsewhere and
 * complementary suppression protects every cell against subtraction from that total.
 */
function breakdownTable(
  keys: readonly string[],
  columns: readonly string[],
  counts: readonly Record<string, number>[],
  totals: readonly number[],
  threshold: number,
): SuppressedTable {
  const rows = keys.map((k) => ({ key: k, counts: counts.map((c) => c[k] ?? 0) }));
  rows.push({
    key: NOT_RECORDED,
    counts: counts.map((c, i) =>
      Math.max(0, (totals[i] ?? 0) - keys.reduce((s, k) => s + (c[k] ?? 0), 0)),
    ),
  });
  return suppressTable(tableOf(rows, columns), threshold);
}

export const SETTING_COLUMNS = ["education-offered", "referrals-offered"] as const;

/** Education and referrals offered by visit setting, against the period's totals. */
export function settingTable(
  setting: NonNullable<Breakdowns["setting"]>,
  settings: readonly string[],
  totals: { education: number; offered: number },
  threshold: number,
): SuppressedTable {
  return breakdownTable(
    settings,
    SETTING_COLUMNS,
    [setting.education, setting.offered],
    [totals.education, totals.offered],
    threshold,
  );
}

/** Education records by card language, against the period's education total. */
export function languageTable(
  language: Record<string, number>,
  languages: readonly string[],
  educationTotal: number,
  threshold: number,
): SuppressedTable {
  return breakdownTable(languages, ["education-offered"], [language], [educationTotal], threshold);
}

export interface ShareRow {
  key: string;
  visits: Cell;
  /** Percent of visits with universal education; undefined when a part is suppressed. */
  share: number | undefined;
}

/**
 * The share of visits with universal education, per month and for the period: the education
 * cells as the monthly table shows them (already suppressed) over the visits counted by the
 * server (suppressed when small). A share is shown only when both parts are.
 */
export function educationShare(
  education: { rows: { key: string; cell: Cell }[]; total: Cell },
  visitsByMonth: Record<string, number>,
  threshold: number,
): { rows: ShareRow[]; total: ShareRow } {
  const rows = education.rows.map(({ key, cell }) => {
    const visits = suppressOne(visitsByMonth[key] ?? 0, threshold);
    return { key, visits, share: rateOf(cell, visits) };
  });
  const sum = Object.values(visitsByMonth).reduce((s, v) => s + v, 0);
  const visits = suppressOne(sum, threshold);
  return { rows, total: { key: "total", visits, share: rateOf(education.total, visits) } };
}

export const TRAINING_COLUMNS = [...CROSS_TRAINING_DIRECTIONS, "attendees"] as const;

/**
 * Cross-trainings held in the period, per partner: sessions in each direction and staff who
 * attended. Not about patients, so shown exactly (no small-cell suppression): a table of
 * suppressed shape with every cell a count.
 */
export function crossTrainingTable(
  partners: readonly { reference: string; crossTrainings?: readonly CrossTraining[] }[],
  period: Period,
): SuppressedTable {
  const inPeriod = (t: CrossTraining) => {
    const m = monthOf(`${t.date}T00:00:00Z`);
    return m !== undefined && m >= period.from && m <= period.to;
  };
  const rows = partners
    .map((p) => {
      const held = (p.crossTrainings ?? []).filter(inPeriod);
      const by = (d: CrossTrainingDirection) => held.filter((t) => t.direction === d).length;
      return {
        key: p.reference,
        counts: [...CROSS_TRAINING_DIRECTIONS.map(by), held.reduce((s, t) => s + t.attendees, 0)],
      };
    })
    .filter((r) => r.counts.some((c) => c > 0));
  const table = tableOf(rows, TRAINING_COLUMNS);
  const exact = (v: number): Cell => ({ kind: "count", value: v });
  return {
    rows: table.rows.map((r) => ({ key: r.key, cells: r.counts.map(exact) })),
    columns: table.columns,
    totals: table.totals.map(exact),
    threshold: 0,
  };
}

/** Everything the breakdowns add to the report; a breakdown the server cannot count is absent. */
export interface ReportBreakdowns {
  support: BreakdownSupport;
  bySetting?: SuppressedTable;
  byLanguage?: SuppressedTable;
  share?: { rows: ShareRow[]; total: ShareRow };
  crossTrainings: SuppressedTable;
}

export interface BreakdownInput {
  support: BreakdownSupport;
  counts: Breakdowns;
  settings: readonly string[];
  languages: readonly string[];
  /** Cross-trainings per partner program (the directory's partnership records). */
  trainings: readonly { reference: string; crossTrainings?: readonly CrossTraining[] }[];
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((s, v) => s + v, 0);

export function buildBreakdowns(
  report: Report,
  input: ReportInput,
  b: BreakdownInput,
): ReportBreakdowns {
  const { threshold } = report;
  const education = sum(input.counts.educationByMonth);
  const offered = sum(input.counts.offeredByMonth);
  const column = report.monthly.columns.indexOf("education-offered");
  return {
    support: b.support,
    ...(b.counts.setting
      ? {
          bySetting: settingTable(b.counts.setting, b.settings, { education, offered }, threshold),
        }
      : {}),
    ...(b.counts.language
      ? { byLanguage: languageTable(b.counts.language, b.languages, education, threshold) }
      : {}),
    ...(b.counts.visitsByMonth
      ? {
          share: educationShare(
            {
              rows: report.monthly.rows.map((r) => ({ key: r.key, cell: r.cells[column] as Cell })),
              total: report.monthly.totals[column] as Cell,
            },
            b.counts.visitsByMonth,
            threshold,
          ),
        }
      : {}),
    crossTrainings: crossTrainingTable(b.trainings, report.period),
  };
}

import type { ReportBreakdowns } from "../../domain/reportBreakdowns";
import { tableCsv, type Cell, type Report, type SuppressedTable } from "../../domain/reports";
import {
  buildMeasureReport,
  columnStrata,
  monthlyMeasures,
  monthlyStrata,
  type Strata,
} from "../../fhir/builders/measureReport";
import type { Labels } from "./labels";

// The report's exports, made in memory from the same suppressed tables the screen shows: a CSV
// of every table, and a FHIR MeasureReport (summary) per measure.

function section(title: string, body: string): string {
  return `# ${title}\r\n${body}`;
}

/** The share table as CSV lines (month, visits, share %), suppressed as on screen. */
function shareCsv(share: NonNullable<ReportBreakdowns["share"]>, report: Report, l: Labels) {
  const lines = [
    [l.t.month, l.t.visits, l.t.sharePercent],
    ...share.rows.map((r) => [r.key, ...l.shareTexts(r, report.threshold)]),
    [l.t.total, ...l.shareTexts(share.total, report.threshold)],
  ];
  return lines.map((x) => x.join(",")).join("\r\n") + "\r\n";
}

export function reportCsv(report: Report, b: ReportBreakdowns | undefined, l: Labels): string {
  const { t } = l;
  const header = (rowLabel: string) => ({ rowLabel, columnLabel: l.name, totalLabel: t.total });
  const optional = (title: string, table: SuppressedTable | undefined, body: () => string) =>
    section(title, table ? body() : `${t.notAvailable}\r\n`);
  const parts = [
    section(t.monthly, tableCsv(report.monthly, header(t.month))),
    section(t.byPartner, tableCsv(report.byPartner, header(t.partner), l.partnerName)),
    section(t.byUrgency, tableCsv(report.byUrgency, header(t.urgency), l.urgencyName)),
  ];
  if (b) {
    parts.push(
      optional(t.bySetting, b.bySetting, () =>
        tableCsv(b.bySetting as SuppressedTable, header(t.setting), l.settingName),
      ),
      optional(t.byLanguage, b.byLanguage, () =>
        tableCsv(b.byLanguage as SuppressedTable, header(t.language), l.languageName),
      ),
      section(t.share, b.share ? shareCsv(b.share, report, l) : `${t.notAvailable}\r\n`),
      section(t.crossTrainings, tableCsv(b.crossTrainings, header(t.partner), l.partnerName)),
    );
  }
  return parts.join("\r\n");
}

export function measureReportBundle(
  report: Report,
  b: ReportBreakdowns | undefined,
  reporter: string,
  now: Date,
) {
  const base = { period: report.period, now, reporter };
  const alsoBy = (column: string): Strata[] =>
    [
      b?.bySetting && columnStrata(b.bySetting, column, "visit-setting"),
      b?.byLanguage && column === "education-offered"
        ? columnStrata(b.byLanguage, column, "card-language")
        : undefined,
    ].filter((s): s is Strata => !!s);
  const reports = monthlyMeasures(report.monthly).map((m) =>
    buildMeasureReport({
      ...base,
      measure: m,
      ...(monthlyStrata(report.monthly, m) as NonNullable<ReturnType<typeof monthlyStrata>>),
      alsoBy: alsoBy(m),
    }),
  );
  for (const [m, timing] of [
    ["days-to-first-contact", report.firstContact],
    ["days-to-connection", report.connection],
  ] as const) {
    reports.push(
      buildMeasureReport({
        ...base,
        measure: m,
        total: timing ? { kind: "count", value: timing.n } : { kind: "suppressed" },
        ...(timing ? { timing } : {}),
      }),
    );
  }
  const total = (m: string) => report.monthly.totals[report.monthly.columns.indexOf(m)] as Cell;
  reports.push(
    buildMeasureReport({
      ...base,
      measure: "connection-rate",
      total: total("referrals-connected"),
      denominator: total("referrals-sent"),
    }),
  );
  if (b?.share)
    reports.push(
      buildMeasureReport({
        ...base,
        measure: "education-share",
        total: total("education-offered"),
        denominator: b.share.total.visits,
      }),
    );
  if (b) {
    const sessions = b.crossTrainings.columns.filter((c) => c !== "attendees");
    const sum = (cells: Cell[]) =>
      cells.reduce(
        (s, c, i) =>
          s +
          (sessions.includes(b.crossTrainings.columns[i] ?? "") && c.kind === "count"
            ? c.value
            : 0),
        0,
      );
    reports.push(
      buildMeasureReport({
        ...base,
        measure: "cross-trainings",
        total: { kind: "count", value: sum(b.crossTrainings.totals) },
        strata: {
          stratifier: "partner",
          values: b.crossTrainings.rows.map((r) => ({
            key: r.key,
            cell: { kind: "count", value: sum(r.cells) },
          })),
        },
        alsoBy: [
          {
            stratifier: "direction",
            values: sessions.map((d) => ({
              key: d,
              cell: b.crossTrainings.totals[b.crossTrainings.columns.indexOf(d)] as Cell,
            })),
          },
        ],
      }),
    );
  }
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: now.toISOString(),
    entry: reports.map((resource) => ({ resource })),
  };
}

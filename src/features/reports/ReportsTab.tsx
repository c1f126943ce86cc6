import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from "react";
import { useSession } from "../../app/session";
import { FailureAlert } from "../../ui/FailureAlert";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { FailureError, type Failure } from "../../fhir/failures";
import {
  buildPartnerReport,
  cellText,
  checkPeriod,
  lastMonths,
  MEASURE_IDS,
  mayReceiveReport,
  tableCsv,
  type Cell,
  type MeasureId,
  type Period,
  type PeriodProblem,
  type SuppressedTable,
  type Timing,
} from "../../domain/reports";
import {
  buildMeasureReport,
  monthlyMeasures,
  monthlyStrata,
} from "../../fhir/builders/measureReport";
import { useReport, type ReportData } from "./api/report";
import { DEFINITIONS } from "./definitions";
import { REPORT_TEXT } from "./strings";
import type { ChartSeries } from "./MonthlyChart";

// The reports tab (capability view-reports: managers and admins, workspace session). Every
// number on screen and in every export comes from the suppressed tables of
// src/domain/reports.ts. Exports are made in memory and handed to the browser as a download:
// nothing is written to the browser's storage.

const MonthlyChart = lazy(() =>
  import("./MonthlyChart").then((m) => ({ default: m.MonthlyChart })),
);

type T = (typeof REPORT_TEXT)["en"];

/** Offers a file to download from memory (an object URL, revoked at once). */
function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function CountTableView({
  table,
  caption,
  rowHeader,
  rowLabel,
  columnLabel,
  t,
  testId,
}: {
  table: SuppressedTable;
  caption: string;
  rowHeader: string;
  rowLabel: (key: string) => string;
  columnLabel: (c: string) => string;
  t: T;
  testId: string;
}) {
  return (
    <table className="report-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {table.columns.map((c) => (
            <th scope="col" key={c}>
              {columnLabel(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{rowLabel(r.key)}</th>
            {r.cells.map((c, i) => (
              <td key={table.columns[i]}>{cellText(c, table.threshold)}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t.total}</th>
          {table.totals.map((c, i) => (
            <td key={table.columns[i]}>{cellText(c, table.threshold)}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

const CHART_MEASURES: MeasureId[] = ["referrals-sent", "referrals-connected"];

function chartSeries(table: SuppressedTable, name: (m: MeasureId) => string): ChartSeries[] {
  return CHART_MEASURES.map((m) => {
    const c = table.columns.indexOf(m);
    return {
      label: name(m),
      values: table.rows.map((r) => {
        const cell = r.cells[c];
        return cell?.kind === "count" ? cell.value : null;
      }),
    };
  });
}

function timingCells(timing: Timing | undefined, t: T): [string, string, string] {
  if (!timing) return [t.notShown, t.notShown, t.notShown];
  return [String(timing.n), String(timing.median ?? "–"), String(timing.p90 ?? "–")];
}

function ReportView({ data, t }: { data: ReportData; t: T }) {
  const session = useSession();
  const lang = useStaffLanguage();
  const defs = DEFINITIONS[lang];
  const { report, input } = data;
  const name = (m: string) => defs[m as MeasureId]?.name ?? m;
  const partnerName = (ref: string) =>
    input.partners.find((p) => p.reference === ref)?.name ?? t.unknownPartner;
  const months = report.monthly.rows.map((r) => r.key);
  const series = useMemo(
    () => chartSeries(report.monthly, (m) => DEFINITIONS[lang][m].name),
    [report.monthly, lang],
  );
  const stamp = `${report.period.from}_${report.period.to}`;
  const csvHeader = (rowLabel: string) => ({ rowLabel, columnLabel: name, totalLabel: t.total });

  const exportCsv = () => {
    const parts = [
      `# ${t.monthly}\r\n` + tableCsv(report.monthly, csvHeader(t.month)),
      `# ${t.byPartner}\r\n` + tableCsv(report.byPartner, csvHeader(t.partner), partnerName),
      `# ${t.byUrgency}\r\n` +
        tableCsv(report.byUrgency, csvHeader(t.urgency), (k) => t.urgencyName[k] ?? k),
    ];
    download(`report_${stamp}.csv`, "text/csv;charset=utf-8", parts.join("\r\n"));
  };
  const exportMeasureReports = () => {
    const now = new Date();
    const reporter = session.clinic.clinicOrganization;
    const reports = monthlyMeasures(report.monthly).map((m) =>
      buildMeasureReport({
        measure: m,
        period: report.period,
        now,
        reporter,
        ...(monthlyStrata(report.monthly, m) as NonNullable<ReturnType<typeof monthlyStrata>>),
      }),
    );
    const sent = report.monthly.totals[report.monthly.columns.indexOf("referrals-sent")] as Cell;
    for (const [m, timing] of [
      ["days-to-first-contact", report.firstContact],
      ["days-to-connection", report.connection],
    ] as const) {
      reports.push(
        buildMeasureReport({
          measure: m,
          period: report.period,
          now,
          reporter,
          total: timing ? { kind: "count", value: timing.n } : { kind: "suppressed" },
          ...(timing ? { timing } : {}),
        }),
      );
    }
    const connected = report.monthly.totals[
      report.monthly.columns.indexOf("referrals-connected")
    ] as Cell;
    reports.push(
      buildMeasureReport({
        measure: "connection-rate",
        period: report.period,
        now,
        reporter,
        total: connected,
        denominator: sent,
      }),
    );
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      timestamp: now.toISOString(),
      entry: reports.map((resource) => ({ resource })),
    };
    download(
      `measure-reports_${stamp}.json`,
      "application/fhir+json",
      JSON.stringify(bundle, null, 2),
    );
  };
  const tier3 = input.partners.filter(mayReceiveReport);

  return (
    <div className="report" data-testid="report">
      <p className="report-note" data-testid="suppression-note">
        {t.suppressedNote(report.threshold)}
      </p>
      {report.mismatches.length > 0 && (
        <p role="alert" className="error" data-testid="report-mismatch">
          {t.mismatch}
        </p>
      )}
      <div className="report-actions">
        <button type="button" onClick={exportCsv} data-testid="download-csv">
          {t.downloadCsv}
        </button>
        <button type="button" onClick={exportMeasureReports} data-testid="download-measurereports">
          {t.downloadMeasureReports}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>

      <section aria-labelledby="report-monthly">
        <h2 id="report-monthly">{t.monthly}</h2>
        <figure className="report-figure">
          <Suspense fallback={null}>
            <MonthlyChart months={months} series={series} />
          </Suspense>
          <figcaption>
            <table className="report-table" data-testid="chart-table">
              <caption>{t.tableOf(series.map((s) => s.label).join(", "))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.month}</th>
                  {series.map((s) => (
                    <th scope="col" key={s.label}>
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((m, i) => (
                  <tr key={m}>
                    <th scope="row">{m}</th>
                    {series.map((s) => (
                      <td key={s.label}>{s.values[i] ?? `<${report.threshold}`}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </figcaption>
        </figure>
        <CountTableView
          table={report.monthly}
          caption={t.monthly}
          rowHeader={t.month}
          rowLabel={(k) => k}
          columnLabel={name}
          t={t}
          testId="table-monthly"
        />
      </section>

      <section aria-labelledby="report-timings">
        <h2 id="report-timings">{t.timings}</h2>
        <table className="report-table" data-testid="table-timings">
          <caption>{t.timings}</caption>
          <thead>
            <tr>
              <th scope="col">{t.measure}</th>
              <th scope="col">{t.n}</th>
              <th scope="col">{t.median}</th>
              <th scope="col">{t.p90}</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ["days-to-first-contact", report.firstContact],
                ["days-to-connection", report.connection],
              ] as const
            ).map(([m, timing]) => (
              <tr key={m}>
                <th scope="row">{name(m)}</th>
                {timingCells(timing, t).map((v, i) => (
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t.rate}</th>
              <td colSpan={3} data-testid="connection-rate">
                {report.connectionRate === undefined ? t.notShown : `${report.connectionRate}%`}
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-partners">
        <h2 id="report-partners">{t.byPartner}</h2>
        <CountTableView
          table={report.byPartner}
          caption={t.byPartner}
          rowHeader={t.partner}
          rowLabel={partnerName}
          columnLabel={name}
          t={t}
          testId="table-partners"
        />
      </section>

      <section aria-labelledby="report-urgency">
        <h2 id="report-urgency">{t.byUrgency}</h2>
        <CountTableView
          table={report.byUrgency}
          caption={t.byUrgency}
          rowHeader={t.urgency}
          rowLabel={(k) => t.urgencyName[k] ?? k}
          columnLabel={name}
          t={t}
          testId="table-urgency"
        />
      </section>

      <section aria-labelledby="report-single">
        <h2 id="report-single">{t.single}</h2>
        <table className="report-table" data-testid="table-single">
          <caption>{t.single}</caption>
          <thead>
            <tr>
              <th scope="col">{t.measure}</th>
              <th scope="col">{t.value}</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ["overdue-open", report.overdueOpen],
                ["incoming-received", report.incoming.received],
                ["incoming-accepted", report.incoming.accepted],
                ["incoming-booked", report.incoming.booked],
                ["incoming-completed", report.incoming.completed],
              ] as const
            ).map(([m, cell]) => (
              <tr key={m}>
                <th scope="row">{name(m)}</th>
                <td>{cellText(cell, report.threshold)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-partner-level" className="no-print">
        <h2 id="report-partner-level">{t.partnerReport}</h2>
        <p>{t.partnerReportIntro}</p>
        {tier3.length === 0 ? (
          <p>{t.noTierThree}</p>
        ) : (
          <ul>
            {tier3.map((p) => (
              <li key={p.reference}>
                <button
                  type="button"
                  onClick={() => {
                    const own = buildPartnerReport(input, p.reference);
                    download(
                      `report_${p.reference.split("/")[1] ?? "partner"}_${stamp}.csv`,
                      "text/csv;charset=utf-8",
                      tableCsv(own.monthly, csvHeader(t.month)),
                    );
                  }}
                >
                  {t.downloadPartnerCsv(p.name)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="report-definitions">
        <h2 id="report-definitions">{t.definitions}</h2>
        <dl className="report-definitions">
          {MEASURE_IDS.map((m) => (
            <div key={m}>
              <dt>{defs[m].name}</dt>
              <dd>
                {defs[m].counts}
                {defs[m].denominator ? ` ÷ ${defs[m].denominator}` : ""}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

function failureOf(error: unknown): Failure {
  return error instanceof FailureError
    ? error.failure
    : { kind: "unexpected", message: error instanceof Error ? error.message : String(error) };
}

export default function ReportsTab() {
  const lang = useStaffLanguage();
  const t = REPORT_TEXT[lang];
  const initial = useMemo(() => lastMonths(new Date(), 6), []);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [problem, setProblem] = useState<PeriodProblem | null>(null);
  const [period, setPeriod] = useState<Period | null>(initial);
  const [run, setRun] = useState(0);
  const query = useReport(period, run);
  const fromId = useId();
  const toId = useId();
  const problemId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { from, to };
    const p = checkPeriod(next);
    setProblem(p);
    if (p) return;
    setPeriod(next);
    setRun((r) => r + 1);
  };

  return (
    <section className="reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{t.title}</h1>
      <p>{t.intro}</p>
      <form className="report-period no-print" onSubmit={submit} noValidate>
        <label htmlFor={fromId}>{t.from}</label>
        <input
          id={fromId}
          type="month"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-describedby={problem ? problemId : undefined}
          data-testid="period-from"
        />
        <label htmlFor={toId}>{t.to}</label>
        <input
          id={toId}
          type="month"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-describedby={problem ? problemId : undefined}
          data-testid="period-to"
        />
        <button type="submit">{t.show}</button>
        {problem && (
          <p id={problemId} role="alert" className="error">
            {t.problem[problem]}
          </p>
        )}
      </form>
      {query.isPending && period && <p role="status">{t.loading}</p>}
      {query.isError && <FailureAlert failure={failureOf(query.error)} lang={lang} />}
      {query.data && <ReportView data={query.data} t={t} />}
    </section>
  );
}

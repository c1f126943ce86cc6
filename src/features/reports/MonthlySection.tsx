import { lazy, Suspense, useMemo } from "react";
import type { MeasureId, Report, SuppressedTable } from "../../domain/reports";
import { CountTableView } from "./CountTableView";
import type { Labels } from "./labels";
import type { ChartSeries } from "./MonthlyChart";

// The chart library is loaded only with this section (the reports tab).
const MonthlyChart = lazy(() =>
  import("./MonthlyChart").then((m) => ({ default: m.MonthlyChart })),
);

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

/** The monthly chart, the same numbers in an accessible table beside it, and the month table. */
export function MonthlySection({ report, labels }: { report: Report; labels: Labels }) {
  const { t, name } = labels;
  const months = report.monthly.rows.map((r) => r.key);
  const series = useMemo(() => chartSeries(report.monthly, name), [report.monthly, name]);
  return (
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
        totalLabel={t.total}
        testId="table-monthly"
      />
    </section>
  );
}

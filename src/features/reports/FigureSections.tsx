import { cellText, type Report, type Timing } from "../../domain/reports";
import type { Labels, T } from "./labels";

function timingCells(timing: Timing | undefined, t: T): [string, string, string] {
  if (!timing) return [t.notShown, t.notShown, t.notShown];
  return [String(timing.n), String(timing.median ?? "–"), String(timing.p90 ?? "–")];
}

/** Days to first contact and to connection (median, 90th percentile), and the connection rate. */
export function TimingsSection({ report, labels }: { report: Report; labels: Labels }) {
  const { t, name } = labels;
  return (
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
  );
}

/** Overdue referrals open now, and the incoming referrals. */
export function SingleSection({ report, labels }: { report: Report; labels: Labels }) {
  const { t, name } = labels;
  return (
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
  );
}

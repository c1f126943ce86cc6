import type { UseQueryResult } from "@tanstack/react-query";
import type { ReportBreakdowns, ShareRow } from "../../domain/reportBreakdowns";
import type { Report, SuppressedTable } from "../../domain/reports";
import { CountSection, CountTableView } from "./CountTableView";
import type { Labels } from "./labels";

// The breakdowns: by visit setting, by card language, the share of visits with universal
// education, and the cross-trainings. A breakdown the server cannot count says so — never a
// number it could not count.

function Unavailable({ what, labels, testId }: { what: string; labels: Labels; testId: string }) {
  return (
    <p data-testid={testId}>
      <strong>{labels.t.notAvailable}</strong>. {labels.t.notAvailableWhy(what)}
    </p>
  );
}

function Breakdown({
  what,
  table,
  ...section
}: {
  id: string;
  title: string;
  table: SuppressedTable | undefined;
  what: string;
  rowHeader: string;
  rowLabel: (k: string) => string;
  labels: Labels;
}) {
  return table ? (
    <CountSection {...section} table={table} />
  ) : (
    <section aria-labelledby={`report-${section.id}`}>
      <h2 id={`report-${section.id}`}>{section.title}</h2>
      <Unavailable what={what} labels={section.labels} testId={`unavailable-${section.id}`} />
    </section>
  );
}

function ShareSection({
  b,
  report,
  labels,
}: {
  b: ReportBreakdowns;
  report: Report;
  labels: Labels;
}) {
  const { t } = labels;
  const texts = (r: ShareRow) => labels.shareTexts(r, report.threshold);
  return (
    <section aria-labelledby="report-share">
      <h2 id="report-share">{t.share}</h2>
      {b.share ? (
        <table className="report-table" data-testid="table-share">
          <caption>{t.share}</caption>
          <thead>
            <tr>
              <th scope="col">{t.month}</th>
              <th scope="col">{t.visits}</th>
              <th scope="col">{t.sharePercent}</th>
            </tr>
          </thead>
          <tbody>
            {b.share.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.key}</th>
                <td>{texts(r)[0]}</td>
                <td>{texts(r)[1]}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td>{texts(b.share.total)[0]}</td>
              <td data-testid="share-total">{texts(b.share.total)[1]}</td>
            </tr>
          </tfoot>
        </table>
      ) : (
        <Unavailable what={t.whatVisits} labels={labels} testId="unavailable-share" />
      )}
    </section>
  );
}

export function BreakdownSections({
  query,
  report,
  labels,
}: {
  query: UseQueryResult<ReportBreakdowns>;
  report: Report;
  labels: Labels;
}) {
  const { t } = labels;
  if (query.isError)
    return (
      <p role="alert" className="error" data-testid="breakdowns-failed">
        {t.notAvailable}
      </p>
    );
  const b = query.data;
  if (!b) return <p role="status">{t.breakdownsLoading}</p>;
  return (
    <>
      <Breakdown
        id="setting"
        title={t.bySetting}
        table={b.bySetting}
        what={t.whatSetting}
        rowHeader={t.setting}
        rowLabel={labels.settingName}
        labels={labels}
      />
      <Breakdown
        id="language"
        title={t.byLanguage}
        table={b.byLanguage}
        what={t.whatLanguage}
        rowHeader={t.language}
        rowLabel={labels.languageName}
        labels={labels}
      />
      <ShareSection b={b} report={report} labels={labels} />
      <section aria-labelledby="report-trainings">
        <h2 id="report-trainings">{t.crossTrainings}</h2>
        <p className="report-note">{t.trainingsNote}</p>
        {b.crossTrainings.rows.length === 0 ? (
          <p data-testid="no-trainings">{t.noTrainings}</p>
        ) : (
          <CountTableView
            table={b.crossTrainings}
            caption={t.crossTrainings}
            rowHeader={t.partner}
            rowLabel={labels.partnerName}
            columnLabel={labels.name}
            totalLabel={t.total}
            testId="table-trainings"
          />
        )}
      </section>
    </>
  );
}

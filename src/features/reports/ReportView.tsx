import { useMemo } from "react";
import { useSession } from "../../app/session";
import { CountSection } from "./CountTableView";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { useBreakdowns } from "./api/breakdowns";
import type { ReportData } from "./api/report";
import { BreakdownSections } from "./BreakdownSections";
import { Definitions } from "./Definitions";
import { download } from "./download";
import { measureReportBundle, reportCsv } from "./exports";
import { SingleSection, TimingsSection } from "./FigureSections";
import { reportLabels } from "./labels";
import { MonthlySection } from "./MonthlySection";
import { PartnerReports } from "./PartnerReports";

// One report on screen. Every number here and in every export comes from the suppressed
// tables of src/domain/reports.ts and reportBreakdowns.ts. Exports are made in memory and
// handed to the browser as a download: nothing is written to the browser's storage.

export function ReportView({ data, run }: { data: ReportData; run: number }) {
  const session = useSession();
  const lang = useStaffLanguage();
  const { report, input } = data;
  const labels = useMemo(() => reportLabels(lang, input), [lang, input]);
  const { t } = labels;
  const breakdowns = useBreakdowns(data, run);
  const stamp = `${report.period.from}_${report.period.to}`;

  const exportCsv = () =>
    download(
      `report_${stamp}.csv`,
      "text/csv;charset=utf-8",
      reportCsv(report, breakdowns.data, labels),
    );
  const exportMeasureReports = () => {
    const bundle = measureReportBundle(
      report,
      breakdowns.data,
      session.clinic.clinicOrganization,
      new Date(),
    );
    download(
      `measure-reports_${stamp}.json`,
      "application/fhir+json",
      JSON.stringify(bundle, null, 2),
    );
  };

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
      <MonthlySection report={report} labels={labels} />
      <TimingsSection report={report} labels={labels} />
      <CountSection
        id="partners"
        title={t.byPartner}
        table={report.byPartner}
        rowHeader={t.partner}
        rowLabel={labels.partnerName}
        labels={labels}
      />
      <CountSection
        id="urgency"
        title={t.byUrgency}
        table={report.byUrgency}
        rowHeader={t.urgency}
        rowLabel={labels.urgencyName}
        labels={labels}
      />
      <SingleSection report={report} labels={labels} />
      <BreakdownSections query={breakdowns} report={report} labels={labels} />
      <PartnerReports input={input} stamp={stamp} labels={labels} />
      <Definitions />
    </div>
  );
}

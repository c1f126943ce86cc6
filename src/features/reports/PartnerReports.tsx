import {
  buildPartnerReport,
  mayReceiveReport,
  tableCsv,
  type ReportInput,
} from "../../domain/reports";
import { download } from "./download";
import type { Labels } from "./labels";

/** The partner-level report a tier-3 or tier-4 program may receive: only its own rows. */
export function PartnerReports({
  input,
  stamp,
  labels,
}: {
  input: ReportInput;
  stamp: string;
  labels: Labels;
}) {
  const { t, name } = labels;
  const tier3 = input.partners.filter(mayReceiveReport);
  return (
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
                    tableCsv(own.monthly, {
                      rowLabel: t.month,
                      columnLabel: name,
                      totalLabel: t.total,
                    }),
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
  );
}

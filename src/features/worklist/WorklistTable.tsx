import { actionsFor } from "../../domain/taskLifecycle";
import type { WorklistRow } from "../../domain/worklist";
import { statusText, WORKLIST_TEXT } from "./strings";
import { useText } from "../../ui/staffLanguage";

// The worklist's rows: pure props, no data access (the benchmark renders it on its own).
// Rows come sorted (overdue first); the table shows a page and a "show more" button, so a
// worklist of 1,000 referrals renders within a frame.

export const PAGE_SIZE = 100;

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "—");

export interface WorklistTableProps {
  rows: readonly WorklistRow[];
  changed: ReadonlySet<string>;
  /** Show the patient column (the role may see names, or the chart's own patient). */
  showPatient: boolean;
  /** The clinic may cancel: a "Cancel referral…" button on each open row. */
  canCancel: boolean;
  clinicOrganization: string;
  limit: number;
  onShowMore?: () => void;
  onCancel?: (row: WorklistRow) => void;
}

export function WorklistTable(p: WorklistTableProps) {
  const t = useText(WORKLIST_TEXT);
  const shown = p.rows.slice(0, p.limit);
  return (
    <>
      <table className="worklist-table" data-testid="worklist-table">
        <thead>
          <tr>
            {p.showPatient && <th scope="col">{t.columns.patient}</th>}
            <th scope="col">{t.columns.partner}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.lastChange}</th>
            <th scope="col">{t.columns.followUp}</th>
            {p.canCancel && <th scope="col">{t.columns.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr
              key={r.taskId}
              data-testid="worklist-row"
              data-task-id={r.taskId}
              data-status={r.status}
              data-overdue={r.overdue.length ? "yes" : "no"}
              className={r.overdue.length ? "overdue" : undefined}
            >
              {p.showPatient && <td>{r.patientName ?? t.noName}</td>}
              <td>
                {r.partner === p.clinicOrganization ? t.noPartner : (r.partnerName ?? r.partner)}
              </td>
              <td>
                {p.changed.has(r.taskId) && (
                  <span className="badge" data-testid="changed-mark">
                    {t.changedMark}
                  </span>
                )}{" "}
                <span data-testid="row-status">{statusText(t, r.status, r.businessStatus)}</span>
                {r.statusReason && ` (${t.reasonLabel[r.statusReason] ?? r.statusReason})`}
                {r.patientReport && (
                  <>
                    <br />
                    <span data-testid="row-report" data-report={r.patientReport.report}>
                      {t.report[r.patientReport.report]}
                    </span>
                  </>
                )}
                {r.overdue.map((o) => (
                  <span key={o}>
                    <br />
                    <strong data-testid="overdue-mark">{t.overdue[o]}</strong>
                  </span>
                ))}
              </td>
              <td>
                {day(r.lastUpdated)}
                {r.lastChangedBy && ` ${t.by(r.lastChangedBy)}`}
              </td>
              <td>{day(r.followUpDue)}</td>
              {p.canCancel && (
                <td>
                  {actionsFor("requester", r.status).some((a) => a.action === "cancel") && (
                    <button type="button" onClick={() => p.onCancel?.(r)}>
                      {t.cancel}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {p.rows.length > shown.length && (
        <button type="button" onClick={p.onShowMore} data-testid="worklist-more">
          {t.showMore(Math.min(PAGE_SIZE, p.rows.length - shown.length))}
        </button>
      )}
    </>
  );
}

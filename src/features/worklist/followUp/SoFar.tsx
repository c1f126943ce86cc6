import type { WorklistReferral } from "../../../domain/worklist";
import { statusText, type WorklistStrings } from "../strings";

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "");

/** One referral so far: when and to whom, where it stands, the last change, what the patient said. */
export function SoFar({ r, t }: { r: WorklistReferral; t: WorklistStrings }) {
  return (
    <>
      {t.promptSent(day(r.authoredOn), r.partnerName ?? r.partner)}{" "}
      <span data-testid="so-far-status">{statusText(t, r.status, r.businessStatus)}</span>
      {r.statusReason && ` (${t.reasonLabel[r.statusReason] ?? r.statusReason})`}
      {r.lastUpdated && ` · ${t.columns.lastChange}: ${day(r.lastUpdated)}`}
      {r.lastChangedBy && ` ${t.by(r.lastChangedBy)}`}
      {r.patientReport && ` · ${t.report[r.patientReport.report]}`}
    </>
  );
}

import type { WorklistReferral } from "../../../domain/worklist";
import { statusText, WORKLIST_TEXT } from "../strings";
import { useText } from "../../../ui/staffLanguage";

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "");

/** One referral so far: when and to whom, where it stands, the last change, what the patient said. */
export function SoFar({ r }: { r: WorklistReferral }) {
  const t = useText(WORKLIST_TEXT);
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

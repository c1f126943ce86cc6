import { useId, useState } from "react";
import { actionsFor } from "../../../domain/taskLifecycle";
import {
  PATIENT_REPORTS,
  type PatientReport,
  type WorklistReferral,
} from "../../../domain/worklist";
import { useRecordReport } from "../api/requesterSteps";
import { StepFailure } from "../StepFailure";
import { WORKLIST_TEXT } from "../strings";
import { useText } from "../../../ui/staffLanguage";

/**
 * What the patient says about the referral, recorded as the requester's Task note; "does not
 * want it now" may also cancel it (where the role may). Offers a new referral after "not yet"
 * or "another program".
 */
export function ReportForm({
  r,
  canCancel,
  onStartNew,
}: {
  r: WorklistReferral;
  canCancel: boolean;
  onStartNew: () => void;
}) {
  const t = useText(WORKLIST_TEXT);
  const groupId = useId();
  const [report, setReport] = useState<PatientReport | null>(null);
  const [alsoCancel, setAlsoCancel] = useState(false);
  const [saved, setSaved] = useState<PatientReport | null>(null);
  const record = useRecordReport(r.patient);
  const cancellable =
    canCancel && actionsFor("requester", r.status).some((a) => a.action === "cancel");
  return (
    <form
      className="step-form"
      data-testid="follow-up-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!report) return;
        record.mutate(
          {
            taskId: r.taskId,
            version: r.version,
            report,
            cancel: report === "not-now" && alsoCancel && cancellable,
          },
          { onSuccess: () => setSaved(report) },
        );
      }}
    >
      <fieldset aria-describedby={`${groupId}-d`}>
        <legend id={`${groupId}-d`}>{t.promptAnswer}</legend>
        {PATIENT_REPORTS.map((code) => (
          <label key={code}>
            <input
              type="radio"
              name={`${groupId}-report`}
              value={code}
              checked={report === code}
              onChange={() => setReport(code)}
              required
            />{" "}
            {t.answers[code]}
          </label>
        ))}
      </fieldset>
      {report === "not-now" && cancellable && (
        <label>
          <input
            type="checkbox"
            checked={alsoCancel}
            onChange={(e) => setAlsoCancel(e.target.checked)}
          />{" "}
          {t.alsoCancel}
        </label>
      )}
      <StepFailure error={record.error} testId="follow-up-failure" />
      {saved && (
        <p role="status" data-testid="follow-up-saved">
          {t.recorded}
        </p>
      )}
      <button type="submit" disabled={record.isPending || !report}>
        {record.isPending ? t.recording : t.record}
      </button>{" "}
      {(saved === "another-program" || saved === "not-yet") && (
        <button type="button" onClick={onStartNew}>
          {t.startNew}
        </button>
      )}
    </form>
  );
}

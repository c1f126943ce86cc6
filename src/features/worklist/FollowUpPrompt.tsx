import { useId, useState } from "react";
import { useChartSession } from "../../app/session";
import { describeFailure } from "../../content/failures";
import { can } from "../../domain/roles";
import { actionsFor } from "../../domain/taskLifecycle";
import {
  followUpCandidates,
  PATIENT_REPORTS,
  type PatientReport,
  type WorklistReferral,
} from "../../domain/worklist";
import { FailureError } from "../../fhir/failures";
import { WorklistConflict } from "../../fhir/worklist";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { useRecordReport } from "./api/requesterSteps";
import { useWorklist } from "./api/worklist";
import { followUpScript, statusText, worklistStrings, type WorklistStrings } from "./strings";

// The follow-up at the next visit (capability record-follow-up, chart sessions): when the
// patient in context has an open or recently closed referral, the guide opens with this
// prompt for the provider — collapsed under a neutral heading until they open it, never
// patient-visible text. It says what happened so far, offers a short script in the patient's
// language, and records what the patient says as the requester's Task note.

/** Referrals whose prompt was put aside in this session ("Not now"); memory only. */
const dismissed = new Set<string>();

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "");

function languageName(staffLang: string, code: string): string {
  try {
    return new Intl.DisplayNames([staffLang], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export default function FollowUpPrompt({ onStartNew }: { onStartNew: () => void }) {
  const session = useChartSession();
  // Roles without the follow-up read nothing at all.
  if (!can(session.access, "record-follow-up")) return null;
  return <Prompt onStartNew={onStartNew} />;
}

function Prompt({ onStartNew }: { onStartNew: () => void }) {
  const session = useChartSession();
  const lang = useStaffLanguage();
  const t = worklistStrings(lang);
  const list = useWorklist({ patientId: session.patient.id });
  const [now] = useState(() => new Date());
  const [open, setOpen] = useState(false);
  const [, setHidden] = useState(0);
  const panelId = useId();
  if (!list.data) return null;
  const candidates = followUpCandidates(list.data, now);
  const current = candidates[0];
  if (!current || dismissed.has(current.taskId)) return null;

  return (
    <aside
      className="follow-up-prompt"
      aria-labelledby={`${panelId}-h`}
      data-testid="follow-up-prompt"
      data-task-id={current.taskId}
    >
      <h2 id={`${panelId}-h`}>{t.promptHeading}</h2>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="follow-up-toggle"
      >
        {t.show}
      </button>{" "}
      <button
        type="button"
        onClick={() => {
          dismissed.add(current.taskId);
          setHidden((n) => n + 1);
        }}
      >
        {t.dismiss}
      </button>
      {open && (
        <div id={panelId}>
          <p>{t.promptIntro}</p>
          <h3>{t.promptSoFar}</h3>
          <ul data-testid="follow-up-so-far">
            {candidates.slice(0, 3).map((r) => (
              <li key={r.taskId}>
                <SoFar r={r} t={t} />
              </li>
            ))}
          </ul>
          <Script t={t} staffLang={lang} language={session.patient.language} />
          <ReportForm
            r={current}
            t={t}
            canCancel={can(session.access, "cancel-referral")}
            onStartNew={() => {
              dismissed.add(current.taskId);
              setHidden((n) => n + 1);
              onStartNew();
            }}
          />
        </div>
      )}
    </aside>
  );
}

function SoFar({ r, t }: { r: WorklistReferral; t: WorklistStrings }) {
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

function Script({
  t,
  staffLang,
  language,
}: {
  t: WorklistStrings;
  staffLang: string;
  language: string | undefined;
}) {
  const code = language ?? "en";
  const script = followUpScript(code);
  const name = languageName(staffLang, code);
  return (
    <section data-testid="follow-up-script">
      <h3>{t.promptScript(name)}</h3>
      {script ? (
        <p lang={code}>
          <q>{script}</q>
        </p>
      ) : (
        <>
          <p>{t.promptScriptMissing(name)}</p>
          <p lang="en">
            <q>{followUpScript("en")}</q>
          </p>
        </>
      )}
    </section>
  );
}

function ReportForm({
  r,
  t,
  canCancel,
  onStartNew,
}: {
  r: WorklistReferral;
  t: WorklistStrings;
  canCancel: boolean;
  onStartNew: () => void;
}) {
  const lang = useStaffLanguage();
  const groupId = useId();
  const [report, setReport] = useState<PatientReport | null>(null);
  const [alsoCancel, setAlsoCancel] = useState(false);
  const [saved, setSaved] = useState<PatientReport | null>(null);
  const record = useRecordReport(r.patient);
  const cancellable =
    canCancel && actionsFor("requester", r.status).some((a) => a.action === "cancel");
  const error = record.error;
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
      {error && (
        <p role="alert" className="error" data-testid="follow-up-failure">
          {error instanceof WorklistConflict
            ? t.conflict(error.current.by, statusText(t, error.current.status))
            : error instanceof FailureError
              ? describeFailure(error.failure, lang).message
              : t.writeFailed}
        </p>
      )}
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

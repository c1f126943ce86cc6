import { useId, useState } from "react";
import { useChartSession } from "../../app/session";
import { can } from "../../domain/roles";
import { followUpCandidates } from "../../domain/worklist";
import { STAFF_TEXT } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import { useWorklist } from "./api/worklist";
import { FollowUpScript } from "./followUp/FollowUpScript";
import { ReportForm } from "./followUp/ReportForm";
import { SoFar } from "./followUp/SoFar";
import { WORKLIST_TEXT } from "./strings";

// The follow-up at the next visit (capability record-follow-up, chart sessions): when the
// patient in context has an open or recently closed referral, the guide opens with this
// prompt for the provider — collapsed under a neutral heading until they open it, never
// patient-visible text. It says what happened so far, offers a short script in the patient's
// language, and records what the patient says as the requester's Task note.

/** Referrals whose prompt was put aside in this session ("Not now"); memory only. */
const dismissed = new Set<string>();

export default function FollowUpPrompt({ onStartNew }: { onStartNew: () => void }) {
  const session = useChartSession();
  // Roles without the follow-up read nothing at all.
  if (!can(session.access, "record-follow-up")) return null;
  return <Prompt onStartNew={onStartNew} />;
}

function Prompt({ onStartNew }: { onStartNew: () => void }) {
  const session = useChartSession();
  const t = useText(WORKLIST_TEXT);
  const staff = useText(STAFF_TEXT);
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
          <p>{staff.followUpIntro}</p>
          <h3>{t.promptSoFar}</h3>
          <ul data-testid="follow-up-so-far">
            {candidates.slice(0, 3).map((r) => (
              <li key={r.taskId}>
                <SoFar r={r} />
              </li>
            ))}
          </ul>
          <FollowUpScript language={session.patient.language} />
          <ReportForm
            r={current}
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

import { useId } from "react";
import { actionsFor, transitionOf, type Transition } from "../../domain/taskLifecycle";
import { formatDateTime } from "../../ui/dateTime";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import type { TaskConflict, TaskStepChange } from "./api/updateTask";
import { statusText, ADVOCATE_TEXT } from "./strings";

// Someone else changed the referral first: who, when and to what (the Task reloaded from the
// server), beside the advocate's own change, which was not saved. The advocate's change can be
// reapplied on top of the new version (when the lifecycle still allows it), edited, or dropped.

export function ConflictPanel({
  conflict,
  busy,
  onReapply,
  onEdit,
  onKeepTheirs,
}: {
  conflict: TaskConflict;
  busy: boolean;
  onReapply: (change: TaskStepChange) => void;
  onEdit: (transition: Transition, change: TaskStepChange) => void;
  onKeepTheirs: () => void;
}) {
  const t = useText(ADVOCATE_TEXT);
  const lang = useStaffLanguage();
  const id = useId();
  const { current, attempted } = conflict;
  const { taskId: _id, version: _v, ...mine } = attempted;
  // Still allowed from the status it has now (not the one the advocate saw).
  const allowed = actionsFor("performer", current.status).some((a) => a.action === mine.action);
  const transition = transitionOf(mine.action);
  const editable = transition.reason.kind !== "none" || !!transition.output;
  const at = current.at ? formatDateTime(current.at, lang) : undefined;
  const details = [
    mine.reasonCode && `${t.reason}: ${t.reasonLabel[mine.reasonCode] ?? mine.reasonCode}`,
    mine.reasonText && `${t.reasonText}: “${mine.reasonText}”`,
    mine.output && `${t.output}: “${mine.output}”`,
  ].filter((d): d is string => !!d);
  return (
    <div role="alert" className="error conflict" data-testid="task-conflict" aria-labelledby={id}>
      <p id={id}>
        <strong>{t.conflictTitle}</strong>
      </p>
      <div className="conflict-sides">
        <section>
          <h3>{t.conflictTheirsHeading}</h3>
          <p data-testid="conflict-theirs">
            {t.conflictTheirs(
              current.by,
              statusText(t, current.status, current.businessStatus),
              at,
            )}
          </p>
        </section>
        <section>
          <h3>{t.conflictYoursHeading}</h3>
          <p data-testid="conflict-yours">
            {t.conflictYours(t.action[mine.action] ?? mine.action)}
          </p>
          {details.length > 0 && (
            <ul data-testid="conflict-yours-details">
              {details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {allowed ? (
        <p className="actions">
          <button type="button" disabled={busy} onClick={() => onReapply(mine)}>
            {t.conflictRetry}
          </button>
          {editable && (
            <button type="button" disabled={busy} onClick={() => onEdit(transition, mine)}>
              {t.conflictEdit}
            </button>
          )}
        </p>
      ) : (
        <p>{t.notAllowedNow}</p>
      )}
      <button type="button" onClick={onKeepTheirs}>
        {t.conflictKeep}
      </button>
    </div>
  );
}

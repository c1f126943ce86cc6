import { useState } from "react";
import type { InboxReferral } from "../../domain/inbox";
import { actionsFor, type Transition } from "../../domain/taskLifecycle";
import { failureOf } from "../../fhir/failures";
import { FailureAlert } from "../../ui/FailureAlert";
import { useText } from "../../ui/staffLanguage";
import { TaskConflict, useTaskStep, type TaskStepChange } from "./api/updateTask";
import { ConflictPanel } from "./ConflictPanel";
import { StepForm } from "./StepForm";
import { ADVOCATE_TEXT } from "./strings";

// The lifecycle's actions a performer may take from the Task's status; a step that needs a
// reason or an output opens its form. A conflict (someone else changed it first) shows both
// changes, and the advocate's can be reapplied on top of the new version, or edited first.

export function TaskActions({ r }: { r: InboxReferral }) {
  const t = useText(ADVOCATE_TEXT);
  const step = useTaskStep();
  // The open form; after a conflict, with the advocate's change and the version it goes on.
  const [open, setOpen] = useState<{
    transition: Transition;
    draft?: TaskStepChange;
    version?: string;
  } | null>(null);
  const [last, setLast] = useState<TaskStepChange | null>(null);
  const [conflict, setConflict] = useState<TaskConflict | null>(null);
  const [saved, setSaved] = useState(false);
  const actions = actionsFor("performer", r.status);

  function run(change: TaskStepChange, version = r.version) {
    setLast(change);
    setSaved(false);
    setConflict(null);
    step.mutate(
      { ...change, taskId: r.taskId, version },
      {
        onSuccess: () => {
          setOpen(null);
          setSaved(true);
        },
        onError: (error) => {
          if (error instanceof TaskConflict) {
            setOpen(null);
            setConflict(error);
          }
        },
      },
    );
  }

  return (
    <div className="inbox-actions" role="group" aria-label={t.actions}>
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          busy={step.isPending}
          onReapply={(change) => run(change, conflict.current.version)}
          onEdit={(transition, change) => {
            setConflict(null);
            setOpen({ transition, draft: change, version: conflict.current.version });
          }}
          onKeepTheirs={() => setConflict(null)}
        />
      )}
      {step.isError && !(step.error instanceof TaskConflict) && (
        <FailureAlert
          failure={failureOf(step.error, t.notAllowedNow)}
          {...(last ? { onRetry: () => run(last) } : {})}
        />
      )}
      {saved && (
        <p role="status" data-testid="task-saved">
          {t.saved}
        </p>
      )}
      {!open &&
        !conflict &&
        actions.map((a) => (
          <button
            key={a.action}
            type="button"
            disabled={step.isPending}
            onClick={() =>
              a.reason.kind === "none" && !a.output
                ? run({ action: a.action })
                : setOpen({ transition: a })
            }
          >
            {t.action[a.action]}
          </button>
        ))}
      {open && (
        <StepForm
          transition={open.transition}
          {...(open.draft ? { draft: open.draft } : {})}
          busy={step.isPending}
          onCancel={() => setOpen(null)}
          onSave={(extra) => run({ action: open.transition.action, ...extra }, open.version)}
        />
      )}
    </div>
  );
}

import { useState } from "react";
import { backStatusText, REFERRAL_BACK_WORDS } from "../../content/referralBack";
import { backActions, isOpen, mayMatch, type ReferralBack } from "../../domain/incomingReferral";
import type { TaskAction, Transition } from "../../domain/taskLifecycle";
import { failureOf } from "../../fhir/failures";
import { FailureAlert } from "../../ui/FailureAlert";
import { formatDateTime } from "../../ui/dateTime";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { BackConflict, useBackStep, type BackStep } from "./api/backStep";
import { DeclineForm } from "./DeclineForm";
import { FindPatient } from "./FindPatient";
import { type IncomingStrings, INCOMING_TEXT } from "./strings";

// The steps the clinic may take on an open referral back; a colleague's change in between is
// said (who, when, to what), and nothing of ours overwrites it.

export function actionLabel(t: IncomingStrings, action: TaskAction): string {
  const labels: Partial<Record<TaskAction, string>> = {
    accept: t.accept,
    decline: t.decline,
    "offer-appointment": t.offer,
    "book-appointment": t.book,
    "could-not-reach": t.couldNotReach,
    "complete-seen": t.complete,
  };
  return labels[action] ?? action;
}

export function IncomingActions({ r }: { r: ReferralBack }) {
  const t = useText(INCOMING_TEXT);
  const lang = useStaffLanguage();
  const w = useText(REFERRAL_BACK_WORDS);
  const step = useBackStep();
  const [open, setOpen] = useState<Transition | null>(null);
  const [saved, setSaved] = useState(false);
  const [last, setLast] = useState<BackStep | null>(null);
  const actions = backActions("performer", r.status);

  function run(s: BackStep) {
    setSaved(false);
    setLast(s);
    step.mutate(
      { taskId: r.taskId, version: r.version, step: s },
      {
        onSuccess: () => {
          setOpen(null);
          setSaved(true);
        },
      },
    );
  }

  if (!isOpen(r)) return null;
  const conflict = step.error instanceof BackConflict ? step.error.current : null;
  return (
    <div className="inbox-actions" role="group" aria-label={t.actions}>
      {conflict && (
        <div role="alert" className="error" data-testid="incoming-failure">
          <p>{t.conflict}</p>
          <p data-testid="incoming-conflict-theirs">
            {t.conflictBy(
              conflict.by,
              backStatusText(w, conflict.status, conflict.businessStatus),
              conflict.at ? formatDateTime(conflict.at, lang) : undefined,
            )}
          </p>
        </div>
      )}
      {step.isError && !conflict && (
        <FailureAlert
          failure={failureOf(step.error)}
          testId="incoming-failure"
          {...(last ? { onRetry: () => run(last) } : {})}
        />
      )}
      {saved && (
        <p role="status" data-testid="incoming-saved">
          {t.saved}
        </p>
      )}
      {mayMatch(r) && <FindPatient r={r} busy={step.isPending} onStep={run} />}
      {!open &&
        actions.map((a) => (
          <button
            key={a.action}
            type="button"
            disabled={step.isPending}
            onClick={() =>
              a.reason.kind === "choose" ? setOpen(a) : run({ kind: "action", action: a.action })
            }
          >
            {actionLabel(t, a.action)}
          </button>
        ))}
      {open && open.reason.kind === "choose" && (
        <DeclineForm
          transition={open}
          label={actionLabel(t, open.action)}
          busy={step.isPending}
          onCancel={() => setOpen(null)}
          onSave={(reasonCode, reasonText) =>
            run({ kind: "action", action: open.action, reasonCode, reasonText })
          }
        />
      )}
    </div>
  );
}

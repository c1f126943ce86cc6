import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useSession, type Session } from "../../../app/session";
import type { TaskAction } from "../../../domain/taskLifecycle";
import {
  applyBackStep,
  applyMatch,
  applyRegistrationNeeded,
} from "../../../fhir/builders/incomingReferral";
import { FailureError } from "../../../fhir/failures";
import { putBackTask, readBackTask } from "../../../fhir/incomingReferral";
import { queryKeys } from "../../../fhir/queryKeys";
import { taskChangeOf, type TaskChange } from "../../../fhir/taskRead";

// Each step of the clinic on a referral back: read the Task, refuse when it moved on, PUT with
// If-Match; the step writes the acting user as a Task note's author, so a colleague who comes
// second is told who changed it first.

export type BackStep =
  | { kind: "action"; action: TaskAction; reasonCode?: string; reasonText?: string }
  | { kind: "match"; patientId: string }
  | { kind: "registration-needed" };

/** Someone else changed the Task after it was loaded; nothing was written. */
export class BackConflict extends Error {
  constructor(readonly current: TaskChange) {
    super("conflict");
    this.name = "BackConflict";
  }
}

export async function stepBack(
  session: Session,
  taskId: string,
  version: string,
  step: BackStep,
): Promise<void> {
  requireCapability(session, "work-incoming-referrals");
  const task = await readBackTask(session.http, taskId);
  if ((task.meta?.versionId ?? "") !== version) throw new BackConflict(taskChangeOf(task));
  const by = {
    reference: session.user.reference,
    ...(session.user.name ? { display: session.user.name } : {}),
  };
  const now = new Date();
  const next =
    step.kind === "match"
      ? applyMatch(task, step.patientId, by, now)
      : step.kind === "registration-needed"
        ? applyRegistrationNeeded(task, by, now)
        : applyBackStep(task, {
            action: step.action,
            party: "performer",
            ...(step.reasonCode ? { reasonCode: step.reasonCode } : {}),
            ...(step.reasonText ? { reasonText: step.reasonText } : {}),
            by,
            now,
          });
  try {
    await putBackTask(session.http, next, version);
  } catch (error) {
    if (error instanceof FailureError && error.failure.kind === "conflict")
      throw new BackConflict(taskChangeOf(await readBackTask(session.http, taskId)));
    throw error;
  }
}

export function useBackStep() {
  const session = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { taskId: string; version: string; step: BackStep }) =>
      stepBack(session, v.taskId, v.version, v.step),
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: queryKeys.referralsBackIncoming(session.clinic.clinicOrganization),
      }),
  });
}

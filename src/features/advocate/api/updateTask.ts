import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useSession, type Session } from "../../../app/session";
import { applyTaskStep } from "../../../fhir/builders/taskUpdate";
import { FailureError } from "../../../fhir/failures";
import { putInboxTask, readInboxTask } from "../../../fhir/partnerInbox";
import { queryKeys } from "../../../fhir/queryKeys";
import { taskChangeOf, type TaskChange } from "../../../fhir/taskRead";
import type { TaskAction } from "../../../domain/taskLifecycle";

// One lifecycle step of the advocate on a Task: read it, refuse when it moved on since the
// advocate saw it, PUT with If-Match. Each step writes the advocate as the author of a Task
// note (applyTaskStep), so whoever comes second is told who changed it first.

/** What the advocate asked for (kept whole so it can be shown beside theirs and reapplied). */
export interface TaskStepChange {
  action: TaskAction;
  reasonCode?: string;
  reasonText?: string;
  output?: string;
}

export interface TaskStepRequest extends TaskStepChange {
  taskId: string;
  /** The version the advocate was looking at: the update is made only on top of it. */
  version: string;
}

/** Someone else changed the Task after the advocate loaded it; nothing was written. */
export class TaskConflict extends Error {
  constructor(
    /** The Task as it is now on the server: who changed it, when, to what. */
    readonly current: TaskChange,
    readonly attempted: TaskStepRequest,
  ) {
    super("conflict");
    this.name = "TaskConflict";
  }
}

export async function stepTask(session: Session, request: TaskStepRequest): Promise<void> {
  requireCapability(session, "work-partner-inbox");
  const task = await readInboxTask(session.http, request.taskId);
  if ((task.meta?.versionId ?? "") !== request.version)
    throw new TaskConflict(taskChangeOf(task), request);
  const next = applyTaskStep(task, {
    action: request.action,
    party: "performer",
    ...(request.reasonCode ? { reasonCode: request.reasonCode } : {}),
    ...(request.reasonText ? { reasonText: request.reasonText } : {}),
    ...(request.output ? { output: request.output } : {}),
    by: {
      reference: session.user.reference,
      ...(session.user.name ? { display: session.user.name } : {}),
    },
    now: new Date(),
  });
  try {
    await putInboxTask(session.http, next, request.version);
  } catch (error) {
    // 412: it changed between our read and our write. Reload it and say so; never overwrite.
    if (error instanceof FailureError && error.failure.kind === "conflict") {
      const now = await readInboxTask(session.http, request.taskId);
      throw new TaskConflict(taskChangeOf(now), request);
    }
    throw error;
  }
}

export function useTaskStep() {
  const session = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TaskStepRequest) => stepTask(session, request),
    // Success or conflict, the inbox reloads so the advocate sees the Task as it is now.
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: queryKeys.partnerInbox(session.partnerOrganization ?? ""),
      }),
  });
}

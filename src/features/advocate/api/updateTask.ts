import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useSession, type Session } from "../../../app/session";
import { applyTaskStep } from "../../../fhir/builders/taskUpdate";
import { FailureError } from "../../../fhir/failures";
import { putInboxTask, readInboxTask } from "../../../fhir/partnerInbox";
import { queryKeys } from "../../../fhir/queryKeys";
import type { TaskAction } from "../../../domain/taskLifecycle";

export interface TaskStepRequest {
  taskId: string;
  /** The version the advocate was looking at: the update is made only on top of it. */
  version: string;
  action: TaskAction;
  reasonCode?: string;
  reasonText?: string;
  output?: string;
}

/** Someone else changed the Task after the advocate loaded it; nothing was written. */
export class TaskConflict extends Error {
  constructor(
    readonly current: { status: string; businessStatus?: string; by?: string },
    readonly attempted: TaskStepRequest,
  ) {
    super("conflict");
    this.name = "TaskConflict";
  }
}

async function currentOf(session: Session, taskId: string) {
  const task = await readInboxTask(session.http, taskId);
  const businessStatus = task.businessStatus?.coding?.[0]?.code;
  const by = task.note?.at(-1)?.authorReference?.display;
  return {
    task,
    summary: {
      status: task.status,
      ...(businessStatus ? { businessStatus } : {}),
      ...(by ? { by } : {}),
    },
  };
}

/** One lifecycle step: read the Task, refuse if it moved on, PUT with If-Match. */
export async function stepTask(session: Session, request: TaskStepRequest): Promise<void> {
  requireCapability(session, "work-partner-inbox");
  const { task, summary } = await currentOf(session, request.taskId);
  if ((task.meta?.versionId ?? "") !== request.version) throw new TaskConflict(summary, request);
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
    // 412: it changed between our read and our write. Say so; never overwrite.
    if (
      error instanceof FailureError &&
      error.failure.kind === "operation-outcome" &&
      error.failure.status === 412
    ) {
      throw new TaskConflict((await currentOf(session, request.taskId)).summary, request);
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

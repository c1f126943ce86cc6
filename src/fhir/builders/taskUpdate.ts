import { CODE_SYSTEM, STATUS_REASON_TEXT } from "../canonical";
import { businessStatusConcept } from "../businessStatus";
import {
  checkTransition,
  TERMINAL_STATUSES,
  TRANSITIONS,
  transitionOf,
  type Party,
  type TaskAction,
  type Transition,
} from "../../domain/taskLifecycle";

// One lifecycle step on a referral Task (src/domain/taskLifecycle.ts): the new status, the
// business status that goes with it, the reason it needs, an optional output (what was
// provided) and a note saying who made the change and when. Refuses, before anything is sent,
// a step the party may not make from the Task's current status.

export interface TaskStepInput {
  action: TaskAction;
  party: Party;
  reasonCode?: string;
  reasonText?: string;
  /** What was provided (Task.output), for the completing steps. */
  output?: string;
  /** Who makes the change ("Practitioner/…"), and their name for the others to see. */
  by: { reference: string; display?: string };
  now: Date;
}

type TaskLike = Record<string, unknown> & { status?: string };

export class TaskStepRefused extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = "TaskStepRefused";
  }
}

/** A Task note by `by` at `now` (who made a change, for the others to see). */
export function taskNote(by: TaskStepInput["by"], now: string, text: string) {
  return {
    authorReference: { reference: by.reference, ...(by.display ? { display: by.display } : {}) },
    time: now,
    text,
  };
}

/**
 * What every lifecycle step does, in either table: check the party may make it from the Task's
 * status, then the new status, its business status, lastModified and the note of who did it.
 */
export function baseTaskStep(
  task: TaskLike,
  input: Omit<TaskStepInput, "output">,
  table: readonly Transition[] = TRANSITIONS,
) {
  const transition = transitionOf(input.action, table);
  const reasonCode =
    transition.reason.kind === "fixed"
      ? transition.reason.codes[0]
      : transition.reason.kind === "choose"
        ? input.reasonCode
        : undefined;
  const reasonText = input.reasonText?.trim() || undefined;
  const check = checkTransition(
    input.party,
    {
      from: task.status,
      to: transition.to,
      businessStatus: transition.businessStatus,
      reasonCode,
      reasonText,
    },
    table,
  );
  if (!check.ok) throw new TaskStepRefused(check.problem);
  const now = input.now.toISOString();
  const next: TaskLike = {
    ...task,
    status: transition.to,
    businessStatus: businessStatusConcept(transition.businessStatus),
    lastModified: now,
    note: [
      ...((task.note as unknown[] | undefined) ?? []),
      taskNote(input.by, now, transition.action),
    ],
  };
  return { next, transition, reasonCode, reasonText, now };
}

export function applyTaskStep<T extends TaskLike>(task: T, input: TaskStepInput): T {
  const { next, transition, reasonCode, reasonText, now } = baseTaskStep(task, input);
  // executionPeriod: start at first contact, end when the Task ends — the report's timings
  // (docs/reports.md) come from these two dates, not from the notes.
  const period = {
    ...((task.executionPeriod as { start?: string; end?: string } | undefined) ?? {}),
  };
  if (transition.action === "first-contact" && !period.start) period.start = now;
  if (TERMINAL_STATUSES.includes(transition.to)) period.end = now;
  if (period.start || period.end) next.executionPeriod = period;
  if (reasonCode) {
    // SDOHCC: a statusReason always has text; without the user's words, the reason's name.
    next.statusReason = {
      coding: [{ system: CODE_SYSTEM.statusReason, code: reasonCode }],
      text: reasonText ?? STATUS_REASON_TEXT[reasonCode] ?? reasonCode,
    };
  } else {
    delete next.statusReason;
  }
  const output = input.output?.trim();
  if (output && transition.output) {
    next.output = [
      ...((task.output as unknown[] | undefined) ?? []),
      {
        type: { coding: [{ system: CODE_SYSTEM.activity, code: "dsv-advocacy-referral" }] },
        valueString: output,
      },
    ];
  }
  return next as T;
}

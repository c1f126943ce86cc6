import * as z from "zod/mini";
import { readBusinessStatus } from "./businessStatus";
import { codeableConcept, extension, reference, str } from "./schemas";

/**
 * The fields every read of a referral Task uses (the inbox, the referrals back, the worklist):
 * each module's schema adds its own. Loose, so a PUT sends back everything the server holds.
 */
export const taskFields = {
  resourceType: z.literal("Task"),
  id: z.string(),
  meta: z.optional(z.looseObject({ versionId: str(), lastUpdated: str() })),
  status: z.string(),
  businessStatus: z.optional(codeableConcept),
  statusReason: z.optional(codeableConcept),
  priority: str(),
  authoredOn: str(),
  focus: z.optional(reference),
  for: z.optional(reference),
  owner: z.optional(reference),
  requester: z.optional(reference),
  note: z.optional(
    z.array(z.looseObject({ authorReference: z.optional(reference), time: str(), text: str() })),
  ),
  extension: z.optional(z.array(extension)),
};

// Who changed a Task last, when, and to what: read from the Task itself after a conflict, so the
// user is told who changed it first. Our updates write the acting user as the author of a
// Task.note (builders/taskUpdate.ts), so the latest note's author is the last changer; the time
// is the server's (meta.lastUpdated), else the Task's lastModified or that note's time.

export interface TaskChange {
  status: string;
  businessStatus?: string;
  /** The version now on the server: a change reapplied on top of it uses this. */
  version: string;
  by?: string;
  at?: string;
}

interface TaskLike {
  status: string;
  meta?: { versionId?: string; lastUpdated?: string } | undefined;
  lastModified?: unknown;
  businessStatus?: Parameters<typeof readBusinessStatus>[0];
  note?: { authorReference?: { display?: string } | undefined; time?: string }[] | undefined;
}

export function taskChangeOf(task: TaskLike): TaskChange {
  const note = task.note?.at(-1);
  const businessStatus = readBusinessStatus(task.businessStatus);
  const by = note?.authorReference?.display;
  const at =
    task.meta?.lastUpdated ??
    (typeof task.lastModified === "string" ? task.lastModified : undefined) ??
    note?.time;
  return {
    status: task.status,
    ...(businessStatus ? { businessStatus } : {}),
    version: task.meta?.versionId ?? "",
    ...(by ? { by } : {}),
    ...(at ? { at } : {}),
  };
}

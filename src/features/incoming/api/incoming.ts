import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useSession, type Session } from "../../../app/session";
import type { TaskAction } from "../../../domain/taskLifecycle";
import {
  applyBackStep,
  applyMatch,
  applyRegistrationNeeded,
} from "../../../fhir/builders/incomingReferral";
import { FailureError } from "../../../fhir/failures";
import {
  fetchIncoming,
  putBackTask,
  readBackTask,
  searchPatients,
} from "../../../fhir/incomingReferral";
import { queryKeys } from "../../../fhir/queryKeys";

// The clinic's incoming worklist of referrals back: the list (polled), the match search, and
// each step on a Task — read it, refuse when it moved on, PUT with If-Match.

/** Every 2 minutes while the tab is open (a next-day referral cannot wait a quarter hour). */
export const INCOMING_POLL_MS = 2 * 60 * 1000;

export function useIncoming() {
  const session = useSession();
  const organization = session.clinic.clinicOrganization;
  return useQuery({
    queryKey: queryKeys.referralsBackIncoming(organization),
    queryFn: () => fetchIncoming(session.http, organization),
    staleTime: 0,
    refetchInterval: INCOMING_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}

export function usePatientMatch(
  taskId: string,
  query: { family: string; given: string; birthDate: string } | null,
) {
  const session = useSession();
  return useQuery({
    queryKey: queryKeys.patientMatch(
      taskId,
      query?.family ?? "",
      query?.given ?? "",
      query?.birthDate ?? "",
    ),
    queryFn: () =>
      searchPatients(session.http, query?.family ?? "", query?.given ?? "", query?.birthDate ?? ""),
    enabled: !!query,
    staleTime: 0,
    // Search results are PHI of other patients: gone as soon as nobody looks at them.
    gcTime: 0,
  });
}

export type BackStep =
  | { kind: "action"; action: TaskAction; reasonCode?: string; reasonText?: string }
  | { kind: "match"; patientId: string }
  | { kind: "registration-needed" };

/** Someone else changed the Task after it was loaded; nothing was written. */
export class BackConflict extends Error {
  constructor() {
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
  if ((task.meta?.versionId ?? "") !== version) throw new BackConflict();
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
      throw new BackConflict();
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

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useSession, type Session } from "../../../app/session";
import type { PatientReport } from "../../../domain/worklist";
import { queryKeys } from "../../../fhir/queryKeys";
import { cancelReferral, recordPatientReport } from "../../../fhir/worklist";

// The clinic's own steps on a referral (the requester's, src/domain/taskLifecycle.ts): cancel
// with a reason, and record what the patient said at a visit. Each re-reads the Task, refuses
// when it moved on since the user saw it (WorklistConflict), and PUTs with If-Match.

const by = (session: Session) => ({
  reference: session.user.reference,
  ...(session.user.name ? { display: session.user.name } : {}),
});

function useInvalidate(patient: string) {
  const queryClient = useQueryClient();
  return () => {
    const patientId = patient.startsWith("Patient/") ? patient.slice("Patient/".length) : "";
    void queryClient.invalidateQueries({ queryKey: ["worklist"] });
    if (patientId) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.patientWorklist(patientId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(patientId) });
    }
  };
}

export interface CancelRequest {
  taskId: string;
  version: string;
  patient: string;
  reasonCode: string;
  reasonText?: string;
}

export function useCancelReferral(patient: string) {
  const session = useSession();
  const invalidate = useInvalidate(patient);
  return useMutation({
    mutationFn: async (r: CancelRequest) => {
      requireCapability(session, "cancel-referral");
      await cancelReferral(session.http, {
        taskId: r.taskId,
        version: r.version,
        reasonCode: r.reasonCode,
        ...(r.reasonText?.trim() ? { reasonText: r.reasonText.trim() } : {}),
        by: by(session),
        now: new Date(),
      });
    },
    onSettled: invalidate,
  });
}

export interface ReportRequest {
  taskId: string;
  version: string;
  report: PatientReport;
  cancel: boolean;
}

export function useRecordReport(patient: string) {
  const session = useSession();
  const invalidate = useInvalidate(patient);
  return useMutation({
    mutationFn: async (r: ReportRequest) => {
      requireCapability(session, "record-follow-up");
      if (r.cancel) requireCapability(session, "cancel-referral");
      await recordPatientReport(session.http, {
        taskId: r.taskId,
        version: r.version,
        report: r.report,
        cancel: r.cancel,
        by: by(session),
        now: new Date(),
      });
    },
    onSettled: invalidate,
  });
}

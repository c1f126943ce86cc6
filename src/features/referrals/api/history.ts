import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useChartSession } from "../../../app/session";
import { FailureError } from "../../../fhir/failures";
import type { FhirHttp } from "../../../fhir/http";
import { queryKeys } from "../../../fhir/queryKeys";
import { addSecurityLabels, fetchPatientHistory, withdrawConsent } from "../../../fhir/referrals";

// The patient's history (education and referrals, with each referral's Task and Consent), and
// the two writes made from it; each re-reads the history it changed.

export function historyQuery(http: FhirHttp, patientId: string) {
  return queryOptions({
    queryKey: queryKeys.history(patientId),
    queryFn: () => fetchPatientHistory(http, patientId),
    staleTime: 0,
  });
}

export function usePatientHistory() {
  const { http, patient } = useChartSession();
  return useQuery(historyQuery(http, patient.id));
}

function useInvalidateHistory() {
  const { patient } = useChartSession();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.history(patient.id) });
}

/**
 * Withdraws a consent (and revokes the referral it covers, in one If-Match transaction). A
 * lost race (`conflict`) re-reads too, so the screen shows what the server holds now.
 */
export function useWithdrawConsent() {
  const session = useChartSession();
  const invalidate = useInvalidateHistory();
  return useMutation({
    mutationFn: async (consentId: string) => {
      requireCapability(session, "withdraw-consent");
      await withdrawConsent(session.http, consentId, new Date(), {
        reference: session.user.reference,
        ...(session.user.name ? { display: session.user.name } : {}),
      });
    },
    onSuccess: invalidate,
    onError: (error) =>
      error instanceof FailureError && error.failure.kind === "conflict" ? invalidate() : undefined,
  });
}

/** Adds our labels to a referral another system wrote without them (one transaction). */
export function useAddSecurityLabels() {
  const { http, clinic } = useChartSession();
  const invalidate = useInvalidateHistory();
  return useMutation({
    mutationFn: (references: readonly string[]) =>
      addSecurityLabels(http, references, clinic.labelPolicy),
    onSuccess: invalidate,
  });
}

import { queryOptions, useQuery } from "@tanstack/react-query";
import { useSession } from "../../../app/session";
import type { FhirHttp } from "../../../fhir/http";
import { fetchIncoming } from "../../../fhir/incomingReferral";
import { queryKeys } from "../../../fhir/queryKeys";

// The clinic's incoming worklist of referrals back: the Tasks the clinic owns, polled.

/** Every 2 minutes while the tab is open (a next-day referral cannot wait a quarter hour). */
export const INCOMING_POLL_MS = 2 * 60 * 1000;

export function incomingQueryOptions(http: FhirHttp, organization: string) {
  return queryOptions({
    queryKey: queryKeys.referralsBackIncoming(organization),
    queryFn: () => fetchIncoming(http, organization),
    staleTime: 0,
    refetchInterval: INCOMING_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}

export function useIncoming() {
  const session = useSession();
  return useQuery(incomingQueryOptions(session.http, session.clinic.clinicOrganization));
}

import { queryOptions, useQuery } from "@tanstack/react-query";
import { useSession } from "../../../app/session";
import type { FhirHttp } from "../../../fhir/http";
import { fetchPartnerInbox } from "../../../fhir/partnerInbox";
import { queryKeys } from "../../../fhir/queryKeys";

/** Unattended, the inbox looks for new referrals no more often than this. */
export const POLL_INTERVAL_MS = 15 * 60 * 1000;

export function inboxQueryOptions(http: FhirHttp, organization: string) {
  return queryOptions({
    queryKey: queryKeys.partnerInbox(organization),
    queryFn: () => fetchPartnerInbox(http, organization),
    staleTime: 0,
    // The cheap `_lastUpdated` poll (inboxChanges.ts) decides when to reload unattended;
    // the inbox itself reloads on window focus and on demand.
    refetchOnWindowFocus: true,
  });
}

/** The referrals the advocate's program owns (the session's partnerOrganization). */
export function useInbox() {
  const session = useSession();
  const organization = session.partnerOrganization ?? "";
  return useQuery({
    ...inboxQueryOptions(session.http, organization),
    enabled: !!session.partnerOrganization,
  });
}

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "../../../app/session";
import type { FhirHttp } from "../../../fhir/http";
import { fetchPartnerRecord } from "../../../fhir/partners";
import { queryKeys } from "../../../fhir/queryKeys";

// One partner, fresh from the server: the editor's base (its versions feed If-Match). Never
// served from the cache when it matters (staleTime 0): a colleague may have saved meanwhile.

function partnerRecordQuery(http: FhirHttp, clinicOrganization: string, partnerId: string) {
  return queryOptions({
    queryKey: queryKeys.partner(partnerId),
    queryFn: async () => (await fetchPartnerRecord(http, clinicOrganization, partnerId)) ?? null,
    staleTime: 0,
  });
}

export function usePartnerRecord(partnerId: string | undefined) {
  const { http, clinic } = useSession();
  return useQuery({
    ...partnerRecordQuery(http, clinic.clinicOrganization, partnerId ?? ""),
    enabled: Boolean(partnerId),
  });
}

/** Reads the partner again now (after a conflict, before a deactivation). */
export function useFetchLatestPartner() {
  const { http, clinic } = useSession();
  const queryClient = useQueryClient();
  return (partnerId: string) =>
    queryClient.fetchQuery(partnerRecordQuery(http, clinic.clinicOrganization, partnerId));
}

import { queryOptions, useQuery } from "@tanstack/react-query";
import { useSession } from "../../../app/session";
import type { FhirHttp } from "../../../fhir/http";
import { searchPatients } from "../../../fhir/incomingReferral";
import { queryKeys } from "../../../fhir/queryKeys";

// The match search: the EHR's patients by name and birth date, for one referral back.

export interface MatchQuery {
  family: string;
  given: string;
  birthDate: string;
}

export function patientMatchQueryOptions(http: FhirHttp, taskId: string, q: MatchQuery) {
  return queryOptions({
    queryKey: queryKeys.patientMatch(taskId, q.family, q.given, q.birthDate),
    queryFn: () => searchPatients(http, q.family, q.given, q.birthDate),
    staleTime: 0,
    // Search results are PHI of other patients: gone as soon as nobody looks at them.
    gcTime: 0,
  });
}

export function usePatientMatch(taskId: string, query: MatchQuery | null) {
  const session = useSession();
  return useQuery({
    ...patientMatchQueryOptions(
      session.http,
      taskId,
      query ?? { family: "", given: "", birthDate: "" },
    ),
    enabled: !!query,
  });
}

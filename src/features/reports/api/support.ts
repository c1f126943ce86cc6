import { queryOptions, useQuery } from "@tanstack/react-query";
import { useSession, type Session } from "../../../app/session";
import { queryKeys } from "../../../fhir/queryKeys";
import { fetchBreakdownSupport } from "../../../fhir/reportBreakdowns";

// What the server can count for the report's breakdowns, from its CapabilityStatement
// (GET metadata, one request, kept while the tab is open).

export function supportQueryOptions(session: Session) {
  return queryOptions({
    queryKey: queryKeys.reportSupport(),
    queryFn: () => fetchBreakdownSupport(session.http),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function useBreakdownSupport() {
  return useQuery(supportQueryOptions(useSession()));
}

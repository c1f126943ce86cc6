import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useSession } from "../../../app/session";
import type { FhirHttp } from "../../../fhir/http";
import { countInboxChanges } from "../../../fhir/partnerInbox";
import { queryKeys } from "../../../fhir/queryKeys";
import { POLL_INTERVAL_MS } from "./inbox";

export function inboxChangesQueryOptions(http: FhirHttp, organization: string, since: string) {
  return queryOptions({
    queryKey: queryKeys.partnerInboxChanges(organization, since),
    queryFn: () => countInboxChanges(http, organization, since),
    refetchInterval: POLL_INTERVAL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: false,
    staleTime: POLL_INTERVAL_MS,
  });
}

/**
 * The unattended poll: every 15 minutes, `Task?owner=…&_lastUpdated=gt<since>&_summary=count`;
 * when anything changed since the inbox was loaded (`since`), the inbox reloads.
 */
export function useInboxChanges(since: string | null) {
  const session = useSession();
  const organization = session.partnerOrganization ?? "";
  const queryClient = useQueryClient();
  const changes = useQuery({
    ...inboxChangesQueryOptions(session.http, organization, since ?? ""),
    enabled: !!since && !!session.partnerOrganization,
  });
  const changed = (changes.data ?? 0) > 0;
  useEffect(() => {
    // Invalidation is not a fetch in an effect: it tells the inbox query it is out of date.
    if (changed)
      void queryClient.invalidateQueries({ queryKey: queryKeys.partnerInbox(organization) });
  }, [changed, organization, queryClient]);
  return changes;
}

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useSession, type Session } from "../../../app/session";
import { can } from "../../../domain/roles";
import type { FollowUpPolicy } from "../../../domain/worklist";
import type { FhirHttp } from "../../../fhir/http";
import { queryKeys } from "../../../fhir/queryKeys";
import { countWorklistChanges, fetchWorklist } from "../../../fhir/worklist";

/** Unattended, the worklist looks for changes no more often than this (as the partner inbox). */
export const POLL_INTERVAL_MS = 15 * 60 * 1000;

/** The worklist of the whole clinic (workspace), or of one patient (chart). */
export interface WorklistScope {
  patientId?: string;
}

export function worklistKey(session: Session, scope: WorklistScope) {
  return scope.patientId
    ? queryKeys.patientWorklist(scope.patientId)
    : queryKeys.worklist(can(session.access, "view-worklist-names"));
}

export function worklistQueryOptions(
  http: FhirHttp,
  key: readonly unknown[],
  q: { patientId?: string; withNames: boolean; policy: FollowUpPolicy; clinicOrganization: string },
) {
  return queryOptions({
    queryKey: key,
    queryFn: () => fetchWorklist(http, q),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}

export function useWorklist(scope: WorklistScope) {
  const session = useSession();
  return useQuery(
    worklistQueryOptions(session.http, worklistKey(session, scope), {
      ...(scope.patientId ? { patientId: scope.patientId } : {}),
      // In a chart the patient is in context already; no other patient's name is read.
      withNames: !scope.patientId && can(session.access, "view-worklist-names"),
      policy: session.clinic.followUp,
      clinicOrganization: session.clinic.clinicOrganization,
    }),
  );
}

/**
 * The unattended poll: every 15 minutes, `Task?_profile=…&_lastUpdated=gt<since>&_summary=count`;
 * when anything changed since the worklist was loaded, the worklist reloads.
 */
export function useWorklistChanges(scope: WorklistScope, since: string | null) {
  const session = useSession();
  const queryClient = useQueryClient();
  const key = worklistKey(session, scope);
  const changes = useQuery({
    queryKey: scope.patientId
      ? queryKeys.patientWorklistChanges(scope.patientId, since ?? "")
      : queryKeys.worklistChanges(since ?? ""),
    queryFn: () => countWorklistChanges(session.http, since ?? "", scope.patientId),
    refetchInterval: POLL_INTERVAL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: false,
    staleTime: POLL_INTERVAL_MS,
    enabled: !!since,
  });
  const changed = (changes.data ?? 0) > 0;
  const keyText = JSON.stringify(key);
  useEffect(() => {
    // Invalidation is not a fetch in an effect: it tells the worklist it is out of date.
    if (changed) void queryClient.invalidateQueries({ queryKey: JSON.parse(keyText) as unknown[] });
  }, [changed, keyText, queryClient]);
  return changes;
}

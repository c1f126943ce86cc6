import { useQuery } from "@tanstack/react-query";
import { useChartSession } from "../../../app/session";
import { queryKeys } from "../../../fhir/queryKeys";
import { fetchVisitIsVirtual } from "../../../fhir/encounter";

/** Whether the visit in context is virtual (its class picks the guide's default setting). */
export function useVisitIsVirtual() {
  const { http, patient, encounterId } = useChartSession();
  return useQuery({
    queryKey: queryKeys.encounter(patient.id, encounterId ?? "none"),
    queryFn: () => fetchVisitIsVirtual(http, encounterId ?? ""),
    enabled: Boolean(encounterId),
  });
}

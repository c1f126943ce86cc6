import { useQuery } from "@tanstack/react-query";
import { useSession } from "../../../app/session";
import {
  fetchPartnerDirectory,
  partnerDirectoryQuery,
  type PartnerServerFilter,
} from "../../../fhir/partners";
import { queryKeys } from "../../../fhir/queryKeys";

/** The clinic's directory: the one cache entry the referral flow reads too. */
export function usePartnerDirectory() {
  const { http, clinic } = useSession();
  return useQuery(partnerDirectoryQuery(http, clinic.clinicOrganization));
}

/** The directory narrowed on the server (OrganizationAffiliation?role=…) by tier / level. */
export function useNarrowedPartners(filter: Required<PartnerServerFilter>) {
  const { http, clinic } = useSession();
  return useQuery({
    queryKey: queryKeys.partnersNarrowed(filter.tier, filter.collaboration),
    queryFn: () => fetchPartnerDirectory(http, clinic.clinicOrganization, filter),
    enabled: Boolean(filter.tier || filter.collaboration),
  });
}

import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useChartSession } from "../../../app/session";
import type { SupportSummary } from "../../../domain/journey";
import { isOpenAt } from "../../../domain/partner";
import { lines247, matchPartners } from "../../../domain/partnerMatch";
import { partnerDirectoryQuery, type PartnerDirectory } from "../../../fhir/partners";

// The partners a referral can go to: the clinic's directory (the one cache entry the directory
// screen reads too), matched to the patient's needs and language, and the lines open 24/7.

const toPartners = (d: PartnerDirectory) => d.records.map((r) => r.partner);

export function usePartnerMatch(support: Pick<SupportSummary, "needs" | "language">) {
  const { http, clinic } = useChartSession();
  const partners = useQuery({
    ...partnerDirectoryQuery(http, clinic.clinicOrganization),
    select: toPartners,
  });
  const match = useMemo(
    () =>
      partners.data
        ? matchPartners(
            partners.data,
            { needs: support.needs, language: support.language, at: new Date() },
            isOpenAt,
          )
        : null,
    [partners.data, support.needs, support.language],
  );
  const open247 = useMemo(
    () => (partners.data ? lines247(partners.data, support.language) : []),
    [partners.data, support.language],
  );
  return { partners, match, open247 };
}

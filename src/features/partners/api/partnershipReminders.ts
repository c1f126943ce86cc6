import { useQuery } from "@tanstack/react-query";
import { useSession } from "../../../app/session";
import { daysBefore, REFERRAL_QUIET_DAYS } from "../../../domain/partnership";
import { countRecentReferrals } from "../../../fhir/partnership";
import { queryKeys } from "../../../fhir/queryKeys";

// The referral counts behind "a tier-2+ partner with no referral in 90 days": per partner, two
// `_summary=count` Task searches (no patient data). A partner whose count fails is left out of
// the map, and the screen says it could not be checked. Run only when the user asks: opening
// the directory reads nothing of the referrals, not even counts.

export function useRecentReferralCounts(
  partnerIds: readonly string[],
  today: Date,
  asked: boolean,
) {
  const { http } = useSession();
  const since = daysBefore(today, REFERRAL_QUIET_DAYS);
  return useQuery({
    queryKey: queryKeys.partnershipReferrals(since, partnerIds),
    queryFn: async () => {
      const results = await Promise.allSettled(
        partnerIds.map((id) => countRecentReferrals(http, id, since)),
      );
      const counts = new Map<string, number>();
      results.forEach((r, i) => {
        if (r.status === "fulfilled") counts.set(partnerIds[i] as string, r.value);
      });
      return { counts, failed: partnerIds.length - counts.size };
    },
    enabled: asked && partnerIds.length > 0,
  });
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useSession, type Session } from "../../../app/session";
import type { ReferralBackDraft } from "../../../domain/incomingReferral";
import {
  buildReferralBackBundle,
  type ReferralBackIds,
} from "../../../fhir/builders/incomingReferral";
import { fetchSent, postReferralBack } from "../../../fhir/incomingReferral";
import { queryKeys } from "../../../fhir/queryKeys";

// The advocate's referrals back: send one (one transaction, ids made once per draft so a retry
// writes nothing twice) and the list of those the program sent, with the clinic's steps.

/** Every 2 minutes while the tab is open, and on focus: the advocate follows the clinic's steps. */
export const SENT_POLL_MS = 2 * 60 * 1000;

export function newReferralBackIds(): ReferralBackIds {
  return {
    consent: crypto.randomUUID(),
    serviceRequest: crypto.randomUUID(),
    task: crypto.randomUUID(),
    client: crypto.randomUUID(),
  };
}

export async function sendReferralBack(
  session: Session,
  draft: ReferralBackDraft,
  ids: ReferralBackIds,
  now: Date = new Date(),
): Promise<void> {
  requireCapability(session, "refer-to-clinic");
  if (!session.partnerOrganization) throw new Error("no partner program in this session");
  const bundle = buildReferralBackBundle({
    ids,
    draft,
    partnerOrganization: session.partnerOrganization,
    clinicOrganization: session.clinic.clinicOrganization,
    authoredAt: now.toISOString(),
    labelPolicy: session.clinic.labelPolicy,
  });
  await postReferralBack(session.http, bundle);
}

export function useSentReferrals() {
  const session = useSession();
  const organization = session.partnerOrganization ?? "";
  return useQuery({
    queryKey: queryKeys.referralsBackSent(organization),
    queryFn: () => fetchSent(session.http, organization),
    enabled: !!organization,
    staleTime: 0,
    refetchInterval: SENT_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}

export function useSendReferralBack() {
  const session = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ draft, ids }: { draft: ReferralBackDraft; ids: ReferralBackIds }) =>
      sendReferralBack(session, draft, ids),
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: queryKeys.referralsBackSent(session.partnerOrganization ?? ""),
      }),
  });
}

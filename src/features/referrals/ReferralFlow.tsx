import type { SupportSummary } from "../../domain/journey";

/** The warm-referral flow (placeholder until it lands). */
export default function ReferralFlow({
  support,
  onDone,
}: {
  support: SupportSummary;
  onDone: () => void;
}) {
  void support;
  void onDone;
  return <p>Referral</p>;
}

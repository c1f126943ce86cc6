import type { SupportSummary } from "../../domain/journey";

/** The CUES guide (placeholder until the guide lands). */
export default function CuesGuide({
  onReferral,
}: {
  onReferral: (support: SupportSummary) => void;
}) {
  void onReferral;
  return <p>CUES guide</p>;
}

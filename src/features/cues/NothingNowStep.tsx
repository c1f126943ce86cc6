import { StepSection, type HeadingRef, StepActions } from "../../ui/Step";
import type { StaffText } from "../../content/packs/types";

/** The patient wants nothing now: what to leave them with. */
export function NothingNowStep({
  t,
  headingRef,
  onBack,
}: {
  t: StaffText;
  headingRef: HeadingRef;
  onBack: () => void;
}) {
  return (
    <StepSection heading={t.nothingNowHeading} headingRef={headingRef}>
      <ul>
        {t.nothingNowSteps.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <StepActions onBack={onBack} backLabel={t.back} />
    </StepSection>
  );
}

import { StepSection, type HeadingRef } from "../../ui/Step";
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
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
      </div>
    </StepSection>
  );
}

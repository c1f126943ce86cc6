import { STAFF_TEXT } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import { StepSection, type HeadingRef, StepActions } from "../../ui/Step";

/** The patient wants nothing now: what to leave them with. */
export function NothingNowStep({
  headingRef,
  onBack,
}: {
  headingRef: HeadingRef;
  onBack: () => void;
}) {
  const t = useText(STAFF_TEXT);
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

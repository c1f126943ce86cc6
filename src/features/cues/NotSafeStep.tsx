import { StepSection, type HeadingRef, StepActions } from "../../ui/Step";
import { packFor } from "../../content/packs/index";
import type { StaffText } from "../../content/packs/types";

/** It is not safe to talk now: what to do instead, a closing line for the patient, nothing written. */
export function NotSafeStep({
  t,
  language,
  headingRef,
  onBack,
}: {
  t: StaffText;
  language: string;
  headingRef: HeadingRef;
  onBack: () => void;
}) {
  return (
    <StepSection heading={t.notSafeHeading} headingRef={headingRef}>
      <ul>
        {t.notSafeSteps.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{t.notSafeClosing}</p>
      <blockquote className="say">{packFor(language).patient.notSafeClosing}</blockquote>
      <p role="status" data-testid="nothing-written">
        {t.notSafeNothingWritten}
      </p>
      <StepActions onBack={onBack} backLabel={t.notSafeBack} />
    </StepSection>
  );
}
